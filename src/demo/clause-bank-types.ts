/** Shape of the per-language clause banks the demo verbatims are composed from. */
export interface SentimentClauses {
  readonly negative: readonly string[];
  readonly positive: readonly string[];
}

/** theme id -> phrasings */
export type ClauseBank = Readonly<Record<string, SentimentClauses>>;

export interface ConnectorBank {
  readonly contrast: readonly string[];
  readonly addition: readonly string[];
  readonly openers: readonly string[];
  readonly closersPositive: readonly string[];
  readonly closersNegative: readonly string[];
}

export interface GenericBank {
  readonly positive: readonly string[];
  readonly neutral: readonly string[];
  readonly negative: readonly string[];
}

/**
 * The themes a phrasing states when that is not just the theme of the bank it sits in: the phrase a
 * respondent with an ease-of-use experience may write ("the product is great") names no theme, and
 * "the API is limited and badly documented" (an integrations complaint) states documentation too.
 * Used for the ground truth of what each comment's text says (truth-text-mentions.csv), never for
 * the planted effects, which follow what the respondent experienced.
 */
export type StatedThemes = Readonly<Record<string, readonly string[]>>;

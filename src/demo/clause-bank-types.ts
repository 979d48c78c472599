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

/**
 * The contract between the verbatim engines (embedded default, transformer) and the rest of ecoute.
 * Every result carries the EngineInfo of what produced it, so reports can say plainly
 * "embedded default, no transformer installed".
 */
export type Language = 'fr' | 'en' | 'other';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  readonly label: SentimentLabel;
  /** polarity in [-1, 1] */
  readonly polarity: number;
  /** confidence of the label in [0, 1] */
  readonly confidence: number;
}

export interface EngineInfo {
  /** 'embedded' (built-in, no download) or 'transformer' (a model directory under models/) */
  readonly engine: 'embedded' | 'transformer';
  /** model id, e.g. 'ecoute-embedded-lexicon' or 'cardiffnlp/twitter-xlm-roberta-base-sentiment' */
  readonly model: string;
  /** model revision or version; part of the cache key */
  readonly revision: string;
  /** human wording for reports, e.g. 'embedded default (lexicon + domain model), no transformer installed' */
  readonly description: string;
}

/** A clause of a verbatim: the unit that theme mentions and mention-level sentiment are computed on. */
export interface Clause {
  readonly text: string;
  /** character offsets in the original verbatim */
  readonly start: number;
  readonly end: number;
}

/** What matched a theme: a keyword, the label, an example phrase, the topic model, or a transformer model. */
export type MatchSource = 'keyword' | 'label' | 'example' | 'model' | 'embedding';

/** A theme found in a clause, with its provenance. */
export interface ThemeMatch {
  readonly themeId: string;
  /** match strength in [0, 1] */
  readonly score: number;
  /** what matched (default 'embedding' for engines that do not say) */
  readonly source?: MatchSource;
  /** the keyword, label or example that matched, as written in the taxonomy */
  readonly evidence?: string;
}

export interface ThemeMention {
  readonly themeId: string;
  /** the clause that mentions the theme */
  readonly clause: Clause;
  /** match strength in [0, 1] */
  readonly score: number;
  readonly source: MatchSource;
  /** the keyword, label or example that matched ('' for the model) */
  readonly evidence: string;
  readonly sentiment: SentimentResult;
}

export interface VerbatimClassification {
  readonly language: Language;
  readonly sentiment: SentimentResult;
  readonly mentions: readonly ThemeMention[];
}

/** Sentiment of a batch of texts, in order. */
export interface SentimentEngine {
  readonly info: EngineInfo;
  classifySentiment(texts: readonly string[], languages?: readonly Language[]): Promise<SentimentResult[]>;
}

/** Theme scores for a batch of clauses: for each clause, the themes it mentions (possibly none). */
export interface TopicEngine {
  readonly info: EngineInfo;
  matchThemes(clauses: readonly string[], languages?: readonly Language[]): Promise<ThemeMatch[][]>;
}

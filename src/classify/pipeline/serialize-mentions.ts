/**
 * Theme mentions as they travel from JS into `classification_staging.mentions`: a JSON array whose keys
 * are the fields of the typed `classification_cache.mentions` list and the columns of `theme_mentions`.
 */
import type { MatchSource, SentimentLabel, ThemeMention } from '../classifier-types.ts';

export interface StoredMention {
  readonly theme_id: string;
  readonly clause_text: string;
  readonly clause_start: number;
  readonly clause_end: number;
  readonly match_score: number;
  /** what matched: keyword, label, example, model or embedding */
  readonly match_source: MatchSource;
  /** the keyword, label or example that matched, as written in the taxonomy ('' for a model) */
  readonly match_evidence: string;
  readonly sentiment_label: SentimentLabel;
  readonly polarity: number;
}

/** Scores are rounded to 6 decimals so reruns and platforms give byte-identical tables. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function toStoredMention(m: ThemeMention): StoredMention {
  return {
    theme_id: m.themeId,
    clause_text: m.clause.text,
    clause_start: m.clause.start,
    clause_end: m.clause.end,
    match_score: round6(m.score),
    match_source: m.source,
    match_evidence: m.evidence,
    sentiment_label: m.sentiment.label,
    polarity: round6(m.sentiment.polarity),
  };
}

export function serializeMentions(mentions: readonly ThemeMention[]): string {
  const stored = mentions.map(toStoredMention);
  stored.sort((a, b) => a.clause_start - b.clause_start || (a.theme_id < b.theme_id ? -1 : a.theme_id > b.theme_id ? 1 : 0));
  return JSON.stringify(stored);
}

export function parseMentions(json: string): StoredMention[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error('classification_cache.mentions is not a JSON array');
  return value as StoredMention[];
}

export { round6 };

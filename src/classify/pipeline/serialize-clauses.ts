/**
 * Featurized clauses (featurize-verbatims.ts) as they travel from JS into `classification_staging.clauses`
 * (a JSON array parsed once into the typed `classification_cache.clauses` list), and the distinct clauses
 * read back from it to train and apply a run's topic model. Scores and features keep every bit (JSON numbers
 * round-trip doubles exactly), so cached features give the very model and themes of features computed anew.
 */
import type { MatchSource, SentimentLabel } from '../classifier-types.ts';
import type { ClauseTopicFeatures } from '../embedded/clause-topic-features.ts';
import type { FeaturizedClause } from '../embedded/featurize-verbatims.ts';
import { round6 } from './serialize-mentions.ts';

interface StoredSeed {
  /** theme index in the taxonomy */
  readonly theme: number;
  readonly score: number;
  readonly source: MatchSource | null;
  readonly evidence: string | null;
}

interface StoredClause {
  readonly clause_text: string;
  readonly clause_start: number;
  readonly clause_end: number;
  readonly clause_key: string;
  readonly content_words: number;
  readonly features: readonly number[];
  readonly seeds: readonly StoredSeed[];
  readonly sentiment_label: SentimentLabel | null;
  readonly polarity: number | null;
}

function toStoredClause(c: FeaturizedClause): StoredClause {
  const seeds: StoredSeed[] = [];
  c.topic.scores.forEach((score, theme) => {
    if (score > 0) seeds.push({ theme, score, source: c.topic.sources[theme] ?? null, evidence: c.topic.evidence[theme] ?? null });
  });
  return {
    clause_text: c.clause.text,
    clause_start: c.clause.start,
    clause_end: c.clause.end,
    clause_key: c.topic.key,
    content_words: c.topic.contentWords,
    features: Array.from(c.topic.features),
    seeds,
    sentiment_label: c.sentiment?.label ?? null,
    polarity: c.sentiment === undefined ? null : round6(c.sentiment.polarity),
  };
}

export function serializeClauses(clauses: readonly FeaturizedClause[]): string {
  return JSON.stringify(clauses.map(toStoredClause));
}

/** A distinct clause as select-topic-training-clauses.sql returns it (JSON values). */
export interface StoredDistinctClause {
  readonly clause_key: string;
  /** occurrences among the run's responses (BIGINT as JSON text) */
  readonly n: string | number;
  readonly content_words: number;
  readonly features: readonly number[];
  readonly seeds: ReadonlyArray<{ readonly theme: number; readonly score: number; readonly source: MatchSource | null; readonly evidence: string | null }>;
}

/** The topic features of a stored distinct clause, for a taxonomy of `themes` themes. */
export function storedClauseFeatures(row: StoredDistinctClause, themes: number): ClauseTopicFeatures {
  const scores = new Float64Array(themes);
  const sources = new Array<MatchSource | undefined>(themes).fill(undefined);
  const evidence = new Array<string | undefined>(themes).fill(undefined);
  for (const s of row.seeds) {
    if (s.theme < 0 || s.theme >= themes) throw new Error(`classification_cache.clauses: seed theme ${s.theme} outside the taxonomy's ${themes} themes`);
    scores[s.theme] = s.score;
    sources[s.theme] = s.source ?? undefined;
    evidence[s.theme] = s.evidence ?? undefined;
  }
  return { key: row.clause_key, scores, sources, evidence, features: Uint32Array.from(row.features), contentWords: row.content_words };
}

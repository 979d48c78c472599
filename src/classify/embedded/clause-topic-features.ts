/**
 * What the topic model reads of a clause, from the clause text and its language alone: its seed matches
 * (match-themes.ts), its hashed features with the seed-covered words masked (topic-features.ts) and its
 * number of content words. A pipeline caches these per verbatim text, so a night that retrains the topic
 * model only computes them for its new texts; the classify / eval commands compute them on the fly.
 * `key` (language + folded words) identifies clauses the model cannot tell apart: every field is a
 * function of it, and training deduplicates clauses on it.
 *
 * Example:
 *   clauseTopicFeatures(compileTaxonomy(taxonomy), 'the invoice was wrong', 'en')
 *   // → { key: 'en\u0001the invoice was wrong', scores: [0, 0.9, …], sources: [, 'keyword', …], evidence: [, 'invoice', …], features: Uint32Array [ … ], contentWords: 2 }
 */
import type { Language, MatchSource } from '../classifier-types.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { cleanText } from './clean-text.ts';
import type { CompiledTaxonomy } from './compile-taxonomy.ts';
import { matchSeeds } from './match-themes.ts';
import { clauseFeatures } from './topic-features.ts';

/** Hashed feature space of the topic model. */
export const TOPIC_FEATURE_DIM = 2 ** 18;

export interface ClauseTopicFeatures {
  /** language and folded words of the clause */
  readonly key: string;
  /** per theme (taxonomy order), the seed score in [0, 1] (0: no seed) */
  readonly scores: Float64Array;
  /** per theme, what gave the seed score */
  readonly sources: ReadonlyArray<MatchSource | undefined>;
  /** per theme, the keyword, label or example that matched, as written in the taxonomy */
  readonly evidence: ReadonlyArray<string | undefined>;
  /** distinct hashed feature indices in [0, TOPIC_FEATURE_DIM), sorted */
  readonly features: Uint32Array;
  /** words that are neither stopwords nor one letter long */
  readonly contentWords: number;
}

const contentWordCount = (words: readonly string[]): number => words.filter((w) => w.length > 1 && !STOPWORDS.has(w)).length;

/** The topic features of a clause; undefined when it has no word at all (nothing to match or learn). */
export function clauseTopicFeatures(tax: CompiledTaxonomy, clause: string, language: Language | undefined): ClauseTopicFeatures | undefined {
  const seeds = matchSeeds(tax, cleanText(clause), language);
  if (seeds.words.length === 0) return undefined;
  return {
    key: `${language ?? 'other'}\u0001${seeds.words.join(' ')}`,
    scores: seeds.scores,
    sources: seeds.sources,
    evidence: seeds.evidence,
    features: clauseFeatures(seeds.words, seeds.masked, TOPIC_FEATURE_DIM),
    contentWords: contentWordCount(seeds.words),
  };
}

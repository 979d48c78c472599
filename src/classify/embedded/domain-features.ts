/**
 * Features of the domain model: hashed word unigrams and bigrams (folded, L2-normalised binary
 * values) plus a few dense lexicon features, so the model learns how far to trust the lexicon
 * on this dataset and what the dataset's own vocabulary means (stacking rather than a fixed blend).
 *
 * The two halves depend on the text alone, so a pipeline computes them once per distinct text and
 * keeps them (see sentiment-features-store.ts): `hashTokens` (32-bit hashes, before reduction to the
 * model's dimension) and `summarizeLexicon`; `toFeatures` combines them for a given dimension.
 */
import type { Language } from '../classifier-types.ts';
import { foldedWords } from './fold-text.ts';
import { scoreLexicon, squash, type LexiconScore } from './score-lexicon.ts';

export const DENSE_FEATURES = 4;
/** Only the first words of a long text become features: bounded work per text. */
const MAX_WORDS = 400;
const MIN_NORM = 40;

export interface TextFeatures {
  /** hashed feature indices, distinct */
  readonly indices: readonly number[];
  /** value shared by every hashed feature (1 / sqrt(count)) */
  readonly value: number;
  readonly dense: readonly number[];
  /** lexicon terms found in the text */
  readonly lexiconHits: number;
  readonly lexiconPolarity: number;
}

/** What the domain model needs of the lexicon's verdict on a text. */
export type LexiconSummary = Pick<LexiconScore, 'polarity' | 'positive' | 'negative' | 'hits'>;

/** 32-bit FNV-1a of a string, deterministic across platforms. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SPACE_CODE = 32;

/** Distinct 32-bit hashes of the folded word unigrams and bigrams of a text, in first-seen order. */
export function hashTokens(text: string): number[] {
  const words = foldedWords(text).slice(0, MAX_WORDS);
  const seen = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const h = fnv1a(words[i] as string);
    seen.add(h);
    // bigram "w1 w2" hashed by continuing w1's state: same value as fnv1a(`${w1} ${w2}`), no concatenation
    if (i + 1 < words.length) seen.add(fnv1a(words[i + 1] as string, Math.imul(h ^ SPACE_CODE, 0x01000193)));
  }
  return [...seen];
}

export function summarizeLexicon(text: string, language: Language | undefined): LexiconSummary {
  const s = scoreLexicon(text, language);
  return { polarity: s.polarity, positive: s.positive, negative: s.negative, hits: s.hits };
}

/** Model features from stored hashes and lexicon summary, reduced to `dim` buckets. */
export function toFeatures(hashes: readonly number[], lex: LexiconSummary, dim: number): TextFeatures {
  const seen = new Set<number>();
  for (const h of hashes) seen.add(h % dim);
  const indices = [...seen];
  return {
    indices,
    // short texts are not scaled up beyond MIN_NORM features: weights learned on long verbatims stay calibrated on clauses
    value: indices.length > 0 ? 1 / Math.sqrt(Math.max(indices.length, MIN_NORM)) : 0,
    dense: [lex.polarity, squash(lex.positive), squash(lex.negative), lex.hits > 0 ? 1 : 0],
    lexiconHits: lex.hits,
    lexiconPolarity: lex.polarity,
  };
}

export function extractFeatures(text: string, language: Language | undefined, dim: number): TextFeatures {
  return toFeatures(hashTokens(text), summarizeLexicon(text, language), dim);
}

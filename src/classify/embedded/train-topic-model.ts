/**
 * The topic model: a theme classifier trained on the dataset's own clauses, with the taxonomy's
 * keywords, labels and examples as weak supervision (they are seeds, not the classifier).
 *
 *   distinct clauses ─▶ seed matches (match-themes.ts) ─▶ features with the seed words masked (topic-features.ts)
 *     ─▶ semi-supervised multinomial naive Bayes fitted by EM (naive-bayes-em.ts), classes = themes + 'none':
 *        seeded clauses and taxonomy examples keep their themes; unmatched clauses start as 'none' (most are
 *        off-topic) and each EM round re-estimates them, so those that read like a theme's clauses (the
 *        words that surround its keywords elsewhere) move to it. Clauses weigh 1 + ln(occurrences).
 *     ─▶ calibration per theme (positive-unlabelled learning, Elkan & Noto 2008): c = mean probability
 *        of the theme on its own seed-matched clauses; a clause's calibrated probability is p / c, and
 *        the engine reports a model mention when it reaches 0.5
 *
 * Deterministic: clauses are deduplicated on their folded words and sorted, and the fit has no randomness,
 * so the same clauses and taxonomy give the same model (and fingerprint) whatever their input order.
 *
 * Example:
 *   const model = trainTopicModel(compileTaxonomy(taxonomy), taxonomy, [{ text: 'we waited two hours', language: 'en' }, ...]);
 *   model.stats // { distinctClauses: 41230, seeded: 18004, selfLabelled: 6120, ... }
 */
import { createHash } from 'node:crypto';
import type { Language } from '../classifier-types.ts';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { CompiledTaxonomy } from './compile-taxonomy.ts';
import { clauseTopicFeatures, TOPIC_FEATURE_DIM, type ClauseTopicFeatures } from './clause-topic-features.ts';
import { matchSeeds, type SeedMatch } from './match-themes.ts';
import { fitNaiveBayesEm, type UnlabelledExample } from './naive-bayes-em.ts';
import { softmaxProbabilities, type SoftmaxExample, type SoftmaxWeights } from './linear-classifier.ts';
import { clauseFeatures } from './topic-features.ts';
import { verbatimClauses } from './verbatim-clauses.ts';

export { TOPIC_FEATURE_DIM } from './clause-topic-features.ts';

/** Bump when training changes: part of the topic engine's revision. */
export const TOPIC_MODEL_VERSION = '3';
/** A seed score from which a clause counts as an example of the theme. */
export const SEED_MIN = 0.5;
/** EM rounds of the naive Bayes fit. */
const EM_ROUNDS = 5;
/** Weight of a taxonomy example phrase. */
const EXAMPLE_WEIGHT = 2;
/** Fewer seed-matched clauses than this: no model, the engine keeps to its seeds. */
export const MIN_SEEDED_CLAUSES = 10;

export interface TrainingClause {
  readonly text: string;
  readonly language: Language;
  /** how many times it was written (default 1) */
  readonly count?: number;
}

export interface TopicModelStats {
  readonly distinctClauses: number;
  /** distinct clauses with at least one seed match */
  readonly seeded: number;
  /** unmatched clauses that EM moved to a theme */
  readonly selfLabelled: number;
  /** per theme: seed-matched distinct clauses */
  readonly seedsPerTheme: Readonly<Record<string, number>>;
}

export interface TopicModel {
  readonly themeIds: readonly string[];
  /** classes = themes in taxonomy order, then 'none' */
  readonly softmax: SoftmaxWeights;
  /** per theme: mean model probability on its own seed-matched clauses, in [0.5, 1] */
  readonly calibration: Float64Array;
  /** sha-256 prefix of the model version, the taxonomy and the distinct training clauses */
  readonly fingerprint: string;
  readonly stats: TopicModelStats;
}

export class TopicModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopicModelError';
  }
}

/** A distinct training clause (by its key) with its occurrences. */
export interface CountedClause {
  readonly clause: ClauseTopicFeatures;
  readonly count: number;
}

/** The themes a clause's seeds count as examples of. */
export function seededThemes(clause: Pick<ClauseTopicFeatures, 'scores'>): number[] {
  const out: number[] = [];
  clause.scores.forEach((s, t) => {
    if (s >= SEED_MIN) out.push(t);
  });
  return out;
}

/** Features of a seed-matched clause: the words not covered by a seed. */
export const seedFeatures = (seeds: SeedMatch): Uint32Array => clauseFeatures(seeds.words, seeds.masked, TOPIC_FEATURE_DIM);

export function trainTopicModel(tax: CompiledTaxonomy, taxonomy: Taxonomy, clauses: readonly TrainingClause[]): TopicModel {
  const byKey = new Map<string, { clause: ClauseTopicFeatures; count: number }>();
  for (const c of clauses) {
    const clause = clauseTopicFeatures(tax, c.text, c.language);
    if (clause === undefined) continue;
    const known = byKey.get(clause.key);
    if (known === undefined) byKey.set(clause.key, { clause, count: c.count ?? 1 });
    else known.count += c.count ?? 1;
  }
  return trainTopicModelOnClauses(tax, taxonomy, [...byKey.values()]);
}

/**
 * Trains on distinct clauses already featurized (keys distinct; any order: they are sorted by key here).
 * A pipeline run calls it with the features it cached per text.
 */
export function trainTopicModelOnClauses(tax: CompiledTaxonomy, taxonomy: Taxonomy, clauses: readonly CountedClause[]): TopicModel {
  const distinct = [...clauses].sort((a, b) => (a.clause.key < b.clause.key ? -1 : a.clause.key > b.clause.key ? 1 : 0));
  const themes = tax.themeIds.length;
  const none = themes;
  const hash = createHash('sha256').update(`${TOPIC_MODEL_VERSION}\u0000${JSON.stringify(taxonomy)}`);
  for (const d of distinct) hash.update(`\u0000${d.clause.key}\u0000${d.count}`);
  const fingerprint = hash.digest('hex').slice(0, 16);

  const seedsPerTheme = new Array<number>(themes).fill(0);
  const labelled: SoftmaxExample[] = [];
  const unlabelled: UnlabelledExample[] = [];
  const seededOf: Array<{ features: Uint32Array; themes: number[] }> = [];
  let seeded = 0;
  for (const d of distinct) {
    const features = d.clause.features;
    const found = seededThemes(d.clause);
    for (const t of found) seedsPerTheme[t] = (seedsPerTheme[t] as number) + 1;
    if (found.length > 0) seeded++;
    if (features.length === 0) continue;
    // a clause counts by its occurrences, dampened: a stock phrase said a thousand times weighs 1 + ln 1000 ≈ 7.9
    const weight = 1 + Math.log(d.count);
    if (found.length === 0) {
      unlabelled.push({ features, weight });
      continue;
    }
    seededOf.push({ features, themes: found });
    for (const t of found) labelled.push({ features, target: t, weight: weight / found.length });
  }
  if (seeded < MIN_SEEDED_CLAUSES) {
    throw new TopicModelError(`${seeded} distinct clauses match a keyword, label or example (needs ${MIN_SEEDED_CLAUSES})`);
  }
  taxonomy.themes.forEach((theme, t) => {
    for (const example of theme.examples) {
      const features = seedFeatures(matchSeeds(tax, example, 'other'));
      if (features.length > 0) labelled.push({ features, target: t, weight: EXAMPLE_WEIGHT });
    }
  });
  // semi-supervised naive Bayes: seeded clauses and examples keep their themes, the others start as 'none'
  // and EM lets those that read like a theme's clauses move to it
  const fit = fitNaiveBayesEm({ labelled, unlabelled, classes: themes + 1, dim: TOPIC_FEATURE_DIM, start: none, iterations: EM_ROUNDS });
  const softmax = fit.weights;
  let selfLabelled = 0;
  for (const k of fit.unlabelledClass) if (k !== none) selfLabelled++;
  const p = new Float64Array(themes + 1);
  // calibration: mean probability of each theme on its own seed-matched clauses
  const sum = new Float64Array(themes);
  const count = new Float64Array(themes);
  for (const s of seededOf) {
    softmaxProbabilities(softmax, s.features, p);
    for (const t of s.themes) {
      sum[t] = (sum[t] as number) + (p[t] as number);
      count[t] = (count[t] as number) + 1;
    }
  }
  const calibration = Float64Array.from(sum, (s, t) => ((count[t] as number) === 0 ? 1 : Math.min(1, Math.max(0.5, s / (count[t] as number)))));
  return {
    themeIds: tax.themeIds,
    softmax,
    calibration,
    fingerprint,
    stats: {
      distinctClauses: distinct.length,
      seeded,
      selfLabelled,
      seedsPerTheme: Object.fromEntries(tax.themeIds.map((id, t) => [id, seedsPerTheme[t] as number])),
    },
  };
}

/** Calibrated probability of each theme from the model's class probabilities (p / c, at most 1). */
export function calibrated(model: TopicModel, p: Float64Array): Float64Array {
  return Float64Array.from(model.calibration, (c, t) => Math.min(1, (p[t] as number) / c));
}

/** Trains on the clauses of whole verbatims (split as classifyVerbatims splits them). */
export function trainTopicModelOnVerbatims(
  tax: CompiledTaxonomy,
  taxonomy: Taxonomy,
  texts: readonly string[],
  languages?: readonly (Language | undefined)[],
  counts?: readonly number[],
): TopicModel {
  return trainTopicModel(tax, taxonomy, verbatimClauses(texts, languages).clauses.map((c) => ({ text: c.clause.text, language: c.language, count: counts?.[c.verbatim] ?? 1 })));
}

/**
 * The topic model: a theme classifier trained on the dataset's own clauses, with the taxonomy's
 * keywords, labels and examples as weak supervision (they are seeds, not the classifier).
 *
 *   distinct clauses ─▶ seed matches (match-themes.ts) ─▶ features with the seed words masked (topic-features.ts)
 *     ─▶ softmax regression, classes = themes + 'none' (seeded clauses → their themes, taxonomy examples
 *        → their theme, unmatched clauses → 'none' at a low weight, 0.3 × (1 + ln occurrences): most are
 *        off-topic, some are themes said in other words)
 *     ─▶ self-training: unmatched clauses the model gives a theme with probability ≥ 0.5 become
 *        examples of it, and the model is fitted again
 *     ─▶ calibration per theme (positive-unlabelled learning, Elkan & Noto 2008): c = mean probability
 *        of the theme on its own seed-matched clauses; a clause's calibrated probability is p / c, and
 *        the engine reports a model mention when it reaches 0.5
 *
 * Deterministic: clauses are deduplicated on their folded words and sorted, the SGD order is seeded,
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
import { fitSoftmax, softmaxProbabilities, type SoftmaxExample, type SoftmaxWeights } from './softmax-regression.ts';
import { clauseFeatures } from './topic-features.ts';
import { verbatimClauses } from './verbatim-clauses.ts';

export { TOPIC_FEATURE_DIM } from './clause-topic-features.ts';

/** Bump when training changes: part of the topic engine's revision. */
export const TOPIC_MODEL_VERSION = '1';
/** A seed score from which a clause counts as an example of the theme. */
export const SEED_MIN = 0.5;
/** Weight of an unmatched clause as an example of 'none'. */
const NONE_WEIGHT = 0.3;
/** Weight of a taxonomy example phrase. */
const EXAMPLE_WEIGHT = 2;
const SELF_LABEL_MIN = 0.5;
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
  /** unmatched clauses that self-training gave a theme */
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
  const unlabelled: Array<{ features: Uint32Array; weight: number }> = [];
  const seededOf: Array<{ features: Uint32Array; themes: number[] }> = [];
  let seeded = 0;
  for (const d of distinct) {
    const features = d.clause.features;
    const found = seededThemes(d.clause);
    for (const t of found) seedsPerTheme[t] = (seedsPerTheme[t] as number) + 1;
    if (found.length > 0) seeded++;
    if (features.length === 0) continue;
    if (found.length === 0) {
      // a stock phrase said a thousand times ("this needs to improve") is strong evidence of 'none'
      unlabelled.push({ features, weight: NONE_WEIGHT * (1 + Math.log(d.count)) });
      continue;
    }
    seededOf.push({ features, themes: found });
    for (const t of found) labelled.push({ features, target: t, weight: 1 / found.length });
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
  const fit = (examples: SoftmaxExample[]): SoftmaxWeights => fitSoftmax(examples, { classes: themes + 1, dim: TOPIC_FEATURE_DIM, seed: 7 });
  const noneExamples = unlabelled.map((u) => ({ features: u.features, target: none, weight: u.weight }));
  let softmax = fit([...labelled, ...noneExamples]);
  // self-training: unmatched clauses the first model confidently gives a theme
  let selfLabelled = 0;
  const p = new Float64Array(themes + 1);
  const second = unlabelled.map((u) => {
    softmaxProbabilities(softmax, u.features, p);
    let best = none;
    for (let k = 0; k < themes; k++) if ((p[k] as number) > (p[best] as number)) best = k;
    if (best === none || (p[best] as number) < SELF_LABEL_MIN) return { features: u.features, target: none, weight: u.weight };
    selfLabelled++;
    return { features: u.features, target: best, weight: p[best] as number };
  });
  if (selfLabelled > 0) softmax = fit([...labelled, ...second]);
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

/**
 * A cross-fitted domain model: one DomainModel per fold, each trained on the scored verbatims of the
 * other folds, with the out-of-fold accuracy measured on the held-out fold. Inside a run each response
 * is scored by the model that never saw its fold; outside a run (`ecoute classify|eval --domain-model`)
 * the set predicts the average of its models' probabilities. Plain JSON, exported with
 * `ecoute sentiment export-domain <run-dir>`.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Language } from '../classifier-types.ts';
import { extractFeatures, type TextFeatures } from './domain-features.ts';
import { domainModelSchema } from './domain-model-schema.ts';
import { DOMAIN_LABELS, DomainModelError, type DomainModel } from './domain-model.ts';
import { createDomainPredictor, type DomainPredictor, type DomainPrediction } from './domain-predictor.ts';

export const DOMAIN_MODEL_SET_FORMAT = 'ecoute-domain-model-set/1';

/** Out-of-fold quality of a cross-fitted set on the scored verbatims it was trained on. */
export interface OutOfFoldScore {
  /** scored verbatims, each predicted by the model that did not see its fold */
  readonly n: number;
  readonly accuracy: number;
  /** always answering the most frequent label */
  readonly majorityLabel: string;
  readonly majorityAccuracy: number;
  /** the lexicon alone on the same texts */
  readonly lexiconAccuracy: number;
}

export interface DomainModelSet {
  readonly format: typeof DOMAIN_MODEL_SET_FORMAT;
  readonly lexiconVersion: string;
  /** what decides a response's fold: a hash of its account id (its response id when it has none) */
  readonly foldBy: 'account';
  readonly models: readonly DomainModel[];
  readonly outOfFold: OutOfFoldScore;
}

export const domainModelSetSchema = z.strictObject({
  format: z.literal(DOMAIN_MODEL_SET_FORMAT),
  lexiconVersion: z.string().min(1),
  foldBy: z.literal('account'),
  models: z.array(domainModelSchema).min(1),
  outOfFold: z.strictObject({
    n: z.number().int().nonnegative(),
    accuracy: z.number().min(0).max(1),
    majorityLabel: z.string(),
    majorityAccuracy: z.number().min(0).max(1),
    lexiconAccuracy: z.number().min(0).max(1),
  }),
});

/** Parse an exported model file: a DomainModelSet, or a single DomainModel (then a set of one). Throws DomainModelError listing every problem. */
export function parseDomainModelFile(json: unknown): DomainModelSet | DomainModel {
  const isSet = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === DOMAIN_MODEL_SET_FORMAT;
  const r = isSet ? domainModelSetSchema.safeParse(json) : domainModelSchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DomainModelError(`invalid domain model:\n${lines.join('\n')}`);
  }
  return r.data as DomainModelSet | DomainModel;
}

export const isDomainModelSet = (m: DomainModelSet | DomainModel): m is DomainModelSet => m.format === DOMAIN_MODEL_SET_FORMAT;

/** Identity of a set: its models' fingerprints (what the engine revision and a run's outputs depend on). */
export function domainSetFingerprint(models: readonly DomainModel[]): string {
  return createHash('sha256')
    .update(models.map((m) => m.fingerprint).join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/** Averages the probabilities of several models (known features: the most any of them knows). */
export function createEnsemblePredictor(models: readonly DomainModel[]): DomainPredictor {
  const predictors = models.map(createDomainPredictor);
  const first = predictors[0];
  if (first === undefined) throw new DomainModelError('a domain model set needs at least one model');
  if (predictors.some((p) => p.dim !== first.dim)) throw new DomainModelError('the models of a domain model set differ in dimension');
  if (predictors.length === 1) return first;
  const average = (preds: DomainPrediction[]): DomainPrediction => ({
    probabilities: DOMAIN_LABELS.map((_, k) => preds.reduce((s, p) => s + (p.probabilities[k] as number), 0) / preds.length),
    knownFeatures: Math.max(...preds.map((p) => p.knownFeatures)),
    lexiconHits: (preds[0] as DomainPrediction).lexiconHits,
    lexiconPolarity: (preds[0] as DomainPrediction).lexiconPolarity,
  });
  const predictFeatures = (f: TextFeatures): DomainPrediction => average(predictors.map((p) => p.predictFeatures(f)));
  return {
    dim: first.dim,
    // features once, shared by every model (same dimension)
    predict: (text: string, language: Language | undefined) => predictFeatures(extractFeatures(text, language, first.dim)),
    predictFeatures,
  };
}

/**
 * Cross-fitting of the domain model, so that no response's sentiment is derived from its own score:
 *
 *   rows (response id, account, text features, label from the score when scored)
 *     ─▶ fold = fnv1a(account id, else response id) mod k       (an account's responses share a fold)
 *     ─▶ model f trained on the scored rows of every fold but f (at most maxTrainRows, chosen by id hash)
 *     ─▶ each row scored by the model of its own fold            (blended with the lexicon)
 *     ─▶ out-of-fold accuracy on the scored rows, with the majority and lexicon-only baselines
 *
 * Pure and deterministic: the result depends on the set of rows, not on their order.
 *
 * Example: crossFitDomain(rows).set.outOfFold → { n: 4210, accuracy: 0.81, majorityAccuracy: 0.52, ... }
 */
import { createHash } from 'node:crypto';
import type { SentimentLabel, SentimentResult } from '../classifier-types.ts';
import { blendWithLexicon, lexiconResult } from './blend-domain.ts';
import { fnv1a, toFeatures, type LexiconSummary } from './domain-features.ts';
import { DOMAIN_LABELS, DomainModelError, trainDomainModelOnFeatures, type DomainModel, type TrainDomainOptions } from './domain-model.ts';
import { DOMAIN_MODEL_SET_FORMAT, type DomainModelSet, type OutOfFoldScore } from './domain-model-set.ts';
import { createDomainPredictor, type DomainPredictor } from './domain-predictor.ts';
import { LEXICON_VERSION } from './compile-lexicon.ts';

export interface CrossFitRow {
  readonly id: string;
  /** fold key: the account id, or the response id when there is none */
  readonly group: string;
  /** identifies the text (e.g. its md5): with id and label, what a fold model's fingerprint hashes */
  readonly textHash: string;
  /** hashTokens() of the cleaned text */
  readonly hashes: readonly number[];
  readonly lexicon: LexiconSummary;
  /** label from the response's own score; undefined when unscored (then never trained on) */
  readonly label?: SentimentLabel;
}

export interface CrossFitOptions extends Pick<TrainDomainOptions, 'epochs' | 'seed' | 'dim'> {
  /** default 5 */
  readonly folds?: number;
  /** scored rows a fold model trains on at most (default 30,000) */
  readonly maxTrainRows?: number;
  /** scored rows every fold model needs (default 50) */
  readonly minTrainRows?: number;
}

export interface CrossFitResult {
  readonly set: DomainModelSet;
  /** fold of each row, in input order */
  readonly fold: readonly number[];
  /** sentiment of each row from the model of its fold, in input order */
  readonly results: readonly SentimentResult[];
}

export const foldOf = (group: string, folds: number): number => fnv1a(group) % folds;

const byIdHash = (a: { id: string; h: number }, b: { id: string; h: number }): number => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Tallies the out-of-fold score row by row, so the scored rows need not be held at once. */
export function createOutOfFoldTally(): { add(gold: SentimentLabel, predicted: SentimentLabel, lexicon: SentimentLabel): void; score(): OutOfFoldScore } {
  const counts = DOMAIN_LABELS.map(() => 0);
  let n = 0;
  let predictedAgree = 0;
  let lexiconAgree = 0;
  return {
    add(gold, predicted, lexicon) {
      n++;
      counts[DOMAIN_LABELS.indexOf(gold)]! += 1;
      if (predicted === gold) predictedAgree++;
      if (lexicon === gold) lexiconAgree++;
    },
    score() {
      const top = counts.indexOf(Math.max(...counts));
      return { n, accuracy: n === 0 ? 0 : predictedAgree / n, majorityLabel: DOMAIN_LABELS[top] as string, majorityAccuracy: n === 0 ? 0 : (counts[top] as number) / n, lexiconAccuracy: n === 0 ? 0 : lexiconAgree / n };
    },
  };
}

interface ResolvedCrossFit {
  readonly k: number;
  readonly cap: number;
  readonly min: number;
  readonly dim: number;
}

export function resolveCrossFitOptions(opts: CrossFitOptions): ResolvedCrossFit {
  const k = opts.folds ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new DomainModelError(`cross-fitting needs at least 2 folds, got ${k}`);
  return { k, cap: opts.maxTrainRows ?? 30_000, min: opts.minTrainRows ?? 50, dim: opts.dim ?? 1 << 18 };
}

/**
 * The k fold models. `rows` may be only a superset of each fold's training rows (every scored row whose
 * id hash is at most the fold's threshold, see trainingThresholds): the models are the same as on all rows.
 */
export function trainFoldModels(rows: readonly CrossFitRow[], fold: readonly number[], opts: CrossFitOptions): DomainModel[] {
  const { k, cap, min, dim } = resolveCrossFitOptions(opts);
  const scored = rows.flatMap((r, i) => (r.label === undefined ? [] : [{ i, id: r.id, h: fnv1a(r.id) }]));
  const models: DomainModel[] = [];
  for (let f = 0; f < k; f++) {
    const train = scored.filter((s) => fold[s.i] !== f).sort(byIdHash).slice(0, cap).sort(byId);
    if (train.length < min) throw new DomainModelError(`fold ${f + 1} of ${k} would train on ${train.length} scored verbatims (needs ${min}; folds are by account)`);
    const labels = train.map((s) => rows[s.i]?.label as SentimentLabel);
    const h = createHash('sha256').update(`${f}/${k}\u0000`);
    train.forEach((s, j) => h.update(`${s.id}\u0001${rows[s.i]?.group}\u0001${rows[s.i]?.textHash}\u0001${labels[j]}\u0002`));
    models.push(
      trainDomainModelOnFeatures(
        train.map((s) => toFeatures(rows[s.i]!.hashes, rows[s.i]!.lexicon, dim)),
        labels,
        { dim, ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) },
        h.digest('hex'),
      ),
    );
  }
  return models;
}

/**
 * Per fold, the largest id hash (fnv1a of the row id) among the `cap` scored rows it trains on
 * (all of them when fewer): a row can be in fold f's training set only if its hash is ≤ thresholds[f].
 * `idHash`/`fold` hold one entry per scored row, in any order.
 */
export function trainingThresholds(idHash: Uint32Array, fold: Uint16Array, opts: CrossFitOptions): Uint32Array {
  const { k, cap } = resolveCrossFitOptions(opts);
  const out = new Uint32Array(k);
  for (let f = 0; f < k; f++) {
    const other = idHash.filter((_, i) => fold[i] !== f).sort();
    out[f] = other.length === 0 ? 0 : other[Math.min(cap, other.length) - 1]!;
  }
  return out;
}

/** The blended sentiment of a row by its fold's model. */
export function scoreCrossFitRow(predictor: DomainPredictor, row: Pick<CrossFitRow, 'hashes' | 'lexicon'>, dim: number): SentimentResult {
  return blendWithLexicon(predictor.predictFeatures(toFeatures(row.hashes, row.lexicon, dim)));
}

export function crossFitModelSet(models: readonly DomainModel[], outOfFold: OutOfFoldScore): DomainModelSet {
  return { format: DOMAIN_MODEL_SET_FORMAT, lexiconVersion: LEXICON_VERSION, foldBy: 'account', models: [...models], outOfFold };
}

/** Throws DomainModelError when a fold has too few scored rows (or one class) to train on. */
export function crossFitDomain(rows: readonly CrossFitRow[], opts: CrossFitOptions = {}): CrossFitResult {
  const { k, dim } = resolveCrossFitOptions(opts);
  const fold = rows.map((r) => foldOf(r.group, k));
  const models = trainFoldModels(rows, fold, opts);
  const predictors = models.map(createDomainPredictor);
  const tally = createOutOfFoldTally();
  const results = rows.map((r, i) => {
    const result = scoreCrossFitRow(predictors[fold[i]!]!, r, dim);
    if (r.label !== undefined) tally.add(r.label, result.label, lexiconResult(r.lexicon.polarity, r.lexicon.hits).label);
    return result;
  });
  return { set: crossFitModelSet(models, tally.score()), fold, results };
}

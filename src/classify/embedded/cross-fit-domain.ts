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
import { fnv1a, toFeatures, type LexiconSummary, type TextFeatures } from './domain-features.ts';
import { DOMAIN_LABELS, DomainModelError, trainDomainModelOnFeatures, type DomainModel, type TrainDomainOptions } from './domain-model.ts';
import { DOMAIN_MODEL_SET_FORMAT, type DomainModelSet, type OutOfFoldScore } from './domain-model-set.ts';
import { createDomainPredictor } from './domain-predictor.ts';
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

function outOfFold(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[], lexicon: readonly SentimentLabel[]): OutOfFoldScore {
  const n = gold.length;
  const counts = DOMAIN_LABELS.map((l) => gold.filter((g) => g === l).length);
  const top = counts.indexOf(Math.max(...counts));
  const agree = (p: readonly SentimentLabel[]): number => (n === 0 ? 0 : p.filter((x, i) => x === gold[i]).length / n);
  return { n, accuracy: agree(predicted), majorityLabel: DOMAIN_LABELS[top] as string, majorityAccuracy: n === 0 ? 0 : (counts[top] as number) / n, lexiconAccuracy: agree(lexicon) };
}

/** Throws DomainModelError when a fold has too few scored rows (or one class) to train on. */
export function crossFitDomain(rows: readonly CrossFitRow[], opts: CrossFitOptions = {}): CrossFitResult {
  const k = opts.folds ?? 5;
  const cap = opts.maxTrainRows ?? 30_000;
  const min = opts.minTrainRows ?? 50;
  const dim = opts.dim ?? 1 << 18;
  if (!Number.isInteger(k) || k < 2) throw new DomainModelError(`cross-fitting needs at least 2 folds, got ${k}`);
  const fold = rows.map((r) => foldOf(r.group, k));
  const feats: TextFeatures[] = rows.map((r) => toFeatures(r.hashes, r.lexicon, dim));
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
        train.map((s) => feats[s.i] as TextFeatures),
        labels,
        { dim, ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) },
        h.digest('hex'),
      ),
    );
  }
  const predictors = models.map(createDomainPredictor);
  const results = feats.map((x, i) => blendWithLexicon((predictors[fold[i] as number] as ReturnType<typeof createDomainPredictor>).predictFeatures(x)));
  const gold = scored.map((s) => rows[s.i]?.label as SentimentLabel);
  const score = outOfFold(
    gold,
    scored.map((s) => (results[s.i] as SentimentResult).label),
    scored.map((s) => lexiconResult(rows[s.i]!.lexicon.polarity, rows[s.i]!.lexicon.hits).label),
  );
  return { set: { format: DOMAIN_MODEL_SET_FORMAT, lexiconVersion: LEXICON_VERSION, foldBy: 'account', models, outOfFold: score }, fold, results };
}

/**
 * Domain adaptation: a compact multinomial logistic regression learned from the pipeline's own
 * scored verbatims (NPS ≥ 9 positive, ≤ 6 negative, 7-8 neutral; or 1-5 ratings), on hashed word
 * unigrams + bigrams and the lexicon's own scores. Training is deterministic (seeded order, AdaGrad),
 * and the model is plain JSON: its `fingerprint` hashes the training data, options and lexicon version.
 *
 * Example: trainDomainModel(texts, labels).trainedOn === texts.length
 */
import { createHash } from 'node:crypto';
import type { Language, SentimentLabel } from '../classifier-types.ts';
import { createRng } from '../../util/random.ts';
import { LEXICON_VERSION } from './compile-lexicon.ts';
import { DENSE_FEATURES, extractFeatures, type TextFeatures } from './domain-features.ts';

export const DOMAIN_LABELS = ['negative', 'neutral', 'positive'] as const satisfies readonly SentimentLabel[];
export const DOMAIN_MODEL_FORMAT = 'ecoute-domain-model/1';

export interface DomainModel {
  readonly format: typeof DOMAIN_MODEL_FORMAT;
  readonly lexiconVersion: string;
  readonly fingerprint: string;
  readonly trainedOn: number;
  /** texts per label in the training data, in DOMAIN_LABELS order */
  readonly classCounts: readonly number[];
  readonly dim: number;
  readonly bias: readonly number[];
  /** DOMAIN_LABELS.length rows of DENSE_FEATURES weights */
  readonly dense: readonly (readonly number[])[];
  /** hashed feature indices kept after pruning, ascending */
  readonly features: readonly number[];
  /** 3 weights per kept feature, flattened */
  readonly weights: readonly number[];
}

export interface TrainDomainOptions {
  readonly languages?: readonly (Language | undefined)[];
  /** hashed feature space size (default 2^18) */
  readonly dim?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
}

export class DomainModelError extends Error {
  override readonly name = 'DomainModelError';
}

/** Sentiment label of a score: scale 'nps' (0-10: 9-10 positive, 7-8 neutral, 0-6 negative) or 'rating5' (4-5, 3, 1-2). */
export function sentimentLabelFromScore(score: number, scale: 'nps' | 'rating5'): SentimentLabel {
  if (scale === 'nps') return score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative';
  return score >= 4 ? 'positive' : score >= 3 ? 'neutral' : 'negative';
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

function fingerprintOf(texts: readonly string[], labels: readonly SentimentLabel[], opts: object): string {
  const h = createHash('sha256').update(`${DOMAIN_MODEL_FORMAT}\u0000${LEXICON_VERSION}\u0000${JSON.stringify(opts)}\u0000`);
  texts.forEach((t, i) => h.update(`${labels[i]}\u0001${t}\u0002`));
  return h.digest('hex').slice(0, 16);
}

/** Labels as class indices; throws DomainModelError on a length mismatch, an unknown label or a single class. */
function classIndices(n: number, labels: readonly SentimentLabel[]): number[] {
  if (n !== labels.length) throw new DomainModelError(`texts (${n}) and labels (${labels.length}) differ in length`);
  const y = labels.map((l) => DOMAIN_LABELS.indexOf(l));
  const bad = y.indexOf(-1);
  if (bad !== -1) throw new DomainModelError(`labels[${bad}]: expected negative, neutral or positive, got "${String(labels[bad])}"`);
  if (new Set(y).size < 2) throw new DomainModelError('domain adaptation needs texts of at least two sentiment classes');
  return y;
}

function resolvedOptions(opts: TrainDomainOptions): { dim: number; epochs: number; lr: number; l2: number; seed: number } {
  return { dim: opts.dim ?? 1 << 18, epochs: opts.epochs ?? 6, lr: opts.learningRate ?? 0.3, l2: opts.l2 ?? 1e-5, seed: opts.seed ?? 1 };
}

export function trainDomainModel(texts: readonly string[], labels: readonly SentimentLabel[], opts: TrainDomainOptions = {}): DomainModel {
  classIndices(texts.length, labels);
  const options = resolvedOptions(opts);
  const feats = texts.map((t, i) => extractFeatures(t, opts.languages?.[i], options.dim));
  return trainDomainModelOnFeatures(feats, labels, opts, fingerprintOf(texts, labels, options));
}

/**
 * Trains on features computed beforehand (toFeatures with the same `dim`); `fingerprint` identifies
 * the training data (the caller hashes what it stands for: ids, texts, labels) and is mixed with the options.
 */
export function trainDomainModelOnFeatures(feats: readonly TextFeatures[], labels: readonly SentimentLabel[], opts: TrainDomainOptions, fingerprint: string): DomainModel {
  const y = classIndices(feats.length, labels);
  const { dim, epochs, lr, l2, seed } = resolvedOptions(opts);
  const classCounts = DOMAIN_LABELS.map((_, k) => y.filter((c) => c === k).length);
  const K = DOMAIN_LABELS.length;
  // weight and AdaGrad accumulator side by side: one cache line per update instead of two
  const WG = new Float64Array(dim * K * 2);
  for (let i = 1; i < WG.length; i += 2) WG[i] = 1e-8;
  const D = new Float64Array(DENSE_FEATURES * K);
  const GD = new Float64Array(DENSE_FEATURES * K).fill(1e-8);
  const B = new Float64Array(K);
  const GB = new Float64Array(K).fill(1e-8);
  const present = classCounts.map((n) => n > 0);
  const rng = createRng(seed);
  const order = feats.map((_, i) => i);
  const p = new Float64Array(K);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const n of order) {
      const f = feats[n] as TextFeatures;
      logits(f, WG, D, B, K, p);
      softmax(p, present);
      for (let k = 0; k < K; k++) {
        if (!present[k]) continue;
        const g = (p[k] as number) - (y[n] === k ? 1 : 0);
        for (const idx of f.indices) {
          const at = (idx * K + k) * 2;
          const grad = g * f.value + l2 * (WG[at] as number);
          WG[at + 1] = (WG[at + 1] as number) + grad * grad;
          WG[at] = (WG[at] as number) - (lr * grad) / Math.sqrt(WG[at + 1] as number);
        }
        for (let d = 0; d < DENSE_FEATURES; d++) {
          const at = d * K + k;
          const grad = g * (f.dense[d] as number);
          GD[at] = (GD[at] as number) + grad * grad;
          D[at] = (D[at] as number) - (lr * grad) / Math.sqrt(GD[at] as number);
        }
        GB[k] = (GB[k] as number) + g * g;
        B[k] = (B[k] as number) - (lr * g) / Math.sqrt(GB[k] as number);
      }
    }
  }
  const features: number[] = [];
  const weights: number[] = [];
  for (let idx = 0; idx < dim; idx++) {
    let keep = false;
    for (let k = 0; k < K; k++) if (Math.abs(WG[(idx * K + k) * 2] as number) >= 1e-3) keep = true;
    if (!keep) continue;
    features.push(idx);
    for (let k = 0; k < K; k++) weights.push(round(WG[(idx * K + k) * 2] as number));
  }
  const options = { dim, epochs, lr, l2, seed };
  return {
    format: DOMAIN_MODEL_FORMAT,
    lexiconVersion: LEXICON_VERSION,
    fingerprint: createHash('sha256').update(`${fingerprint}\u0000${JSON.stringify(options)}`).digest('hex').slice(0, 16),
    trainedOn: feats.length,
    classCounts,
    dim,
    bias: [...B].map(round),
    dense: DOMAIN_LABELS.map((_, k) => Array.from({ length: DENSE_FEATURES }, (_, d) => round(D[d * K + k] as number))),
    features,
    weights,
  };
}

function logits(f: TextFeatures, WG: Float64Array, D: Float64Array, B: Float64Array, K: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) {
    let s = B[k] as number;
    for (const idx of f.indices) s += (WG[(idx * K + k) * 2] as number) * f.value;
    for (let d = 0; d < DENSE_FEATURES; d++) s += (D[d * K + k] as number) * (f.dense[d] as number);
    out[k] = s;
  }
}

/** In-place softmax over the classes seen in training (absent classes get probability 0). */
export function softmax(z: Float64Array, present: readonly boolean[]): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (present[k] && (z[k] as number) > max) max = z[k] as number;
  let total = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = present[k] ? Math.exp((z[k] as number) - max) : 0;
    total += z[k] as number;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / total;
}

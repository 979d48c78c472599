/**
 * Multinomial logistic regression on sparse binary hashed features, fitted by plain SGD over a fixed,
 * seeded order of the examples: deterministic (same examples → same weights, bit for bit) and linear in
 * (examples × features × classes × epochs). Feature values are 1 / sqrt(number of features).
 *
 * Example:
 *   const w = fitSoftmax([{ features: Uint32Array.of(1, 5), target: 0, weight: 1 }, ...], { classes: 3, dim: 1024 });
 *   softmaxProbabilities(w, Uint32Array.of(1, 5)) // → Float64Array [0.8, 0.1, 0.1]
 */
import { createRng } from '../../util/random.ts';

export interface SoftmaxExample {
  /** distinct feature indices in [0, dim) */
  readonly features: Uint32Array;
  /** class index */
  readonly target: number;
  readonly weight: number;
}

export interface SoftmaxWeights {
  readonly classes: number;
  readonly dim: number;
  /** weights[feature * classes + class] */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

export interface FitOptions {
  readonly classes: number;
  readonly dim: number;
  /** passes over the examples (default 5) */
  readonly epochs?: number;
  /** initial learning rate (default 0.5), decayed as lr / (1 + epoch) */
  readonly learningRate?: number;
  /** L2 penalty applied as weight decay: the weights shrink by this fraction after each epoch (default 0.02) */
  readonly l2?: number;
  readonly seed?: number;
}

export function softmaxProbabilities(w: SoftmaxWeights, features: Uint32Array, out = new Float64Array(w.classes)): Float64Array {
  const c = w.classes;
  const value = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
  for (let k = 0; k < c; k++) out[k] = w.bias[k] as number;
  for (let j = 0; j < features.length; j++) {
    const base = (features[j] as number) * c;
    for (let k = 0; k < c; k++) out[k] = (out[k] as number) + value * (w.weights[base + k] as number);
  }
  let max = -Infinity;
  for (let k = 0; k < c; k++) if ((out[k] as number) > max) max = out[k] as number;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    const e = Math.exp((out[k] as number) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < c; k++) out[k] = (out[k] as number) / sum;
  return out;
}

/** Fits (or continues fitting `start`) on the examples. */
export function fitSoftmax(examples: readonly SoftmaxExample[], opts: FitOptions, start?: SoftmaxWeights): SoftmaxWeights {
  const { classes, dim } = opts;
  const w: SoftmaxWeights = start ?? { classes, dim, weights: new Float32Array(dim * classes), bias: new Float64Array(classes) };
  const epochs = opts.epochs ?? 5;
  const lr0 = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 0.02;
  const rng = createRng(opts.seed ?? 1);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const lr = lr0 / (1 + epoch);
    for (const i of order) {
      const ex = examples[i] as SoftmaxExample;
      if (ex.features.length === 0 && ex.weight === 0) continue;
      softmaxProbabilities(w, ex.features, p);
      const value = ex.features.length > 0 ? 1 / Math.sqrt(ex.features.length) : 0;
      for (let k = 0; k < classes; k++) {
        const g = ex.weight * ((p[k] as number) - (k === ex.target ? 1 : 0));
        if (g === 0) continue;
        w.bias[k] = (w.bias[k] as number) - lr * 0.1 * g;
        const step = lr * g * value;
        for (let f = 0; f < ex.features.length; f++) {
          const at = (ex.features[f] as number) * classes + k;
          w.weights[at] = (w.weights[at] as number) - step;
        }
      }
    }
    const decay = 1 - l2;
    if (l2 > 0) for (let k = 0; k < w.weights.length; k++) w.weights[k] = (w.weights[k] as number) * decay;
  }
  return w;
}

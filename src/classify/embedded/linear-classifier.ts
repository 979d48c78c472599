/**
 * A linear classifier on sparse binary hashed features with a softmax over its classes: the shape of the
 * topic model, fitted by semi-supervised naive Bayes (naive-bayes-em.ts), whose log prior and log feature
 * probabilities are exactly such weights (every present feature has value 1).
 *
 * Example:
 *   softmaxProbabilities({ classes: 3, dim: 1024, weights, bias }, Uint32Array.of(1, 5)) // → Float64Array [0.8, 0.1, 0.1]
 */
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

export function softmaxProbabilities(w: SoftmaxWeights, features: Uint32Array, out = new Float64Array(w.classes)): Float64Array {
  const c = w.classes;
  for (let k = 0; k < c; k++) out[k] = w.bias[k] as number;
  for (let j = 0; j < features.length; j++) {
    const base = (features[j] as number) * c;
    for (let k = 0; k < c; k++) out[k] = (out[k] as number) + (w.weights[base + k] as number);
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

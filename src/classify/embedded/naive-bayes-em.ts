/**
 * Semi-supervised multinomial naive Bayes fitted by expectation-maximisation (Nigam, McCallum, Thrun &
 * Mitchell 2000, "Text classification from labeled and unlabeled documents using EM"; with keyword seeds as
 * the labels: McCallum & Nigam 1999, "Text classification by bootstrapping with keywords, EM and shrinkage").
 *
 *   labelled examples keep their class; unlabelled ones start in `start` (e.g. the background class); a class
 *   with no labelled example (other than `start`) is never predicted
 *   M-step: class priors and per-class feature probabilities from every example, weighted by its posteriors
 *   E-step: the posteriors of the unlabelled examples under that model; repeat `iterations` times
 *
 * The fitted model is linear in log space (log prior + Σ log P(feature | class) over the features present),
 * so it is returned as SoftmaxWeights: softmaxProbabilities gives its posteriors.
 * Deterministic: sums run in example order, no randomness.
 *
 * Example:
 *   const { weights } = fitNaiveBayesEm({ labelled: [{ features: Uint32Array.of(1, 5), target: 0, weight: 1 }],
 *     unlabelled: [{ features: Uint32Array.of(5, 9), weight: 1 }], classes: 2, dim: 16, start: 1 });
 *   softmaxProbabilities(weights, Uint32Array.of(5)) // → posteriors of class 0 and 1
 */
import { softmaxProbabilities, type SoftmaxExample, type SoftmaxWeights } from './linear-classifier.ts';

/** Log prior of a class without any labelled example: finite (the model is stored as JSON), never the most probable. */
const UNSUPPORTED = -Number.MAX_VALUE;

/** An example without a class: its features and weight, as a labelled one has them. */
export type UnlabelledExample = Pick<SoftmaxExample, 'features' | 'weight'>;

export interface NaiveBayesEmOptions {
  readonly labelled: readonly SoftmaxExample[];
  readonly unlabelled: readonly UnlabelledExample[];
  readonly classes: number;
  readonly dim: number;
  /** the class every unlabelled example starts in */
  readonly start: number;
  /** EM rounds after the first fit (default 5) */
  readonly iterations?: number;
  /** additive (Lidstone) smoothing of the feature counts (default 0.1) */
  readonly smoothing?: number;
}

export interface NaiveBayesEmFit {
  readonly weights: SoftmaxWeights;
  /** per unlabelled example, its most probable class under the final model */
  readonly unlabelledClass: Uint16Array;
}

/** What every M-step shares: which classes have a labelled example, and which features occur at all (and how many). */
interface FitFrame {
  readonly supported: Uint8Array;
  readonly used: Uint8Array;
  readonly vocabulary: number;
}

function fitFrame(labelled: readonly SoftmaxExample[], unlabelled: readonly UnlabelledExample[], classes: number, dim: number, start: number): FitFrame {
  const supported = new Uint8Array(classes);
  supported[start] = 1;
  for (const ex of labelled) if (ex.weight > 0) supported[ex.target] = 1;
  const used = new Uint8Array(dim);
  for (const examples of [labelled, unlabelled]) for (const ex of examples) for (let f = 0; f < ex.features.length; f++) used[ex.features[f] as number] = 1;
  let vocabulary = 0;
  for (let j = 0; j < dim; j++) vocabulary += used[j] as number;
  return { supported, used, vocabulary };
}

/** Class priors and log feature probabilities from examples weighted by their class posteriors. */
function mStep(
  frame: FitFrame,
  labelled: readonly SoftmaxExample[],
  unlabelled: readonly UnlabelledExample[],
  /** posteriors[i * classes + k]: of unlabelled example i for class k */
  posteriors: Float64Array,
  classes: number,
  dim: number,
  smoothing: number,
  counts: Float64Array,
): SoftmaxWeights {
  const { supported, used, vocabulary } = frame;
  counts.fill(0);
  const totals = new Float64Array(classes);
  const priors = new Float64Array(classes);
  const add = (features: Uint32Array, k: number, w: number): void => {
    if (w === 0) return;
    priors[k] = (priors[k] as number) + w;
    totals[k] = (totals[k] as number) + w * features.length;
    for (let f = 0; f < features.length; f++) {
      const at = (features[f] as number) * classes + k;
      counts[at] = (counts[at] as number) + w;
    }
  };
  for (const ex of labelled) add(ex.features, ex.target, ex.weight);
  unlabelled.forEach((ex, i) => {
    for (let k = 0; k < classes; k++) add(ex.features, k, ex.weight * (posteriors[i * classes + k] as number));
  });
  let priorTotal = 0;
  for (let k = 0; k < classes; k++) priorTotal += priors[k] as number;
  // a class no labelled example supports has no estimate: it is never predicted (its prior is zero), whatever
  // the smoothing would give a clause of words it never saw
  const bias = Float64Array.from(priors, (n, k) => (supported[k] === 1 ? Math.log((n + 1) / (priorTotal + classes)) : UNSUPPORTED));
  const denominators = Float64Array.from(totals, (n) => Math.log(n + smoothing * Math.max(1, vocabulary)));
  const weights = new Float32Array(dim * classes);
  const unseen = Float64Array.from(denominators, (d) => Math.log(smoothing) - d);
  for (let j = 0; j < dim; j++) {
    const base = j * classes;
    if (used[j] === 0) for (let k = 0; k < classes; k++) weights[base + k] = unseen[k] as number;
    else for (let k = 0; k < classes; k++) weights[base + k] = Math.log((counts[base + k] as number) + smoothing) - (denominators[k] as number);
  }
  return { classes, dim, weights, bias };
}

export function fitNaiveBayesEm(opts: NaiveBayesEmOptions): NaiveBayesEmFit {
  const { labelled, unlabelled, classes, dim } = opts;
  const smoothing = opts.smoothing ?? 0.1;
  const iterations = opts.iterations ?? 5;
  // one flat array (not an object per example): a night can hold a million unlabelled clauses
  const posteriors = new Float64Array(unlabelled.length * classes);
  for (let i = 0; i < unlabelled.length; i++) posteriors[i * classes + opts.start] = 1;
  const p = new Float64Array(classes);
  const counts = new Float64Array(dim * classes); // reused by every M-step
  const frame = fitFrame(labelled, unlabelled, classes, dim, opts.start);
  let weights = mStep(frame, labelled, unlabelled, posteriors, classes, dim, smoothing, counts);
  for (let round = 0; round < iterations; round++) {
    unlabelled.forEach((ex, i) => posteriors.set(softmaxProbabilities(weights, ex.features, p), i * classes));
    weights = mStep(frame, labelled, unlabelled, posteriors, classes, dim, smoothing, counts);
  }
  const unlabelledClass = new Uint16Array(unlabelled.length);
  unlabelled.forEach((ex, i) => {
    softmaxProbabilities(weights, ex.features, p);
    let best = 0;
    for (let k = 1; k < classes; k++) if ((p[k] as number) > (p[best] as number)) best = k;
    unlabelledClass[i] = best;
  });
  return { weights, unlabelledClass };
}

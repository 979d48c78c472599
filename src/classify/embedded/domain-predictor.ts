/**
 * Applies a trained DomainModel: class probabilities of a text, and whether the model knew
 * any of its words (an unknown text with no lexicon term stays with the lexicon's neutral verdict).
 * `predictFeatures` takes features computed beforehand (a pipeline keeps them per distinct text).
 */
import type { Language } from '../classifier-types.ts';
import { DENSE_FEATURES, extractFeatures, type TextFeatures } from './domain-features.ts';
import { DOMAIN_LABELS, softmax, type DomainModel } from './domain-model.ts';

export interface DomainPrediction {
  /** probabilities in DOMAIN_LABELS order */
  readonly probabilities: readonly number[];
  /** hashed features of the text that the model has weights for */
  readonly knownFeatures: number;
  readonly lexiconHits: number;
  readonly lexiconPolarity: number;
}

export interface DomainPredictor {
  readonly dim: number;
  predict(text: string, language: Language | undefined): DomainPrediction;
  predictFeatures(f: TextFeatures): DomainPrediction;
}

export function createDomainPredictor(model: DomainModel): DomainPredictor {
  const K = DOMAIN_LABELS.length;
  const table = new Map<number, number>();
  model.features.forEach((f, i) => table.set(f, i * K));
  const present = model.classCounts.map((n) => n > 0);
  const predictFeatures = (f: TextFeatures): DomainPrediction => {
    const z = new Float64Array(K);
    let known = 0;
    for (let k = 0; k < K; k++) z[k] = model.bias[k] as number;
    for (const idx of f.indices) {
      const at = table.get(idx);
      if (at === undefined) continue;
      known++;
      for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (model.weights[at + k] as number) * f.value;
    }
    for (let k = 0; k < K; k++) {
      const row = model.dense[k] as readonly number[];
      for (let d = 0; d < DENSE_FEATURES; d++) z[k] = (z[k] as number) + (row[d] as number) * (f.dense[d] as number);
    }
    softmax(z, present);
    return { probabilities: [...z], knownFeatures: known, lexiconHits: f.lexiconHits, lexiconPolarity: f.lexiconPolarity };
  };
  return {
    dim: model.dim,
    predict: (text, language) => predictFeatures(extractFeatures(text, language, model.dim)),
    predictFeatures,
  };
}

/**
 * Random BERT weights (normal, std 0.02 like BERT's initialiser; LayerNorm gamma 1, beta 0),
 * reproducible from a seed. Values are meaningless; compute and memory are those of a real model.
 */
import { createRng, type Rng } from '../../../src/util/random.ts';
import type { EncoderParams, EncoderSpec, LayerParams, Linear, Norm } from './encoder-graph.ts';

export function randomMatrix(rng: Rng, size: number, std = 0.02): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.normal() * std;
  return out;
}

export function randomLinear(rng: Rng, inDim: number, outDim: number): Linear {
  return { weight: randomMatrix(rng, inDim * outDim), bias: new Float32Array(outDim) };
}

export function unitNorm(dim: number): Norm {
  return { gamma: new Float32Array(dim).fill(1), beta: new Float32Array(dim) };
}

export function randomEncoderParams(spec: EncoderSpec, seed: number): EncoderParams {
  const rng = createRng(seed);
  const H = spec.hidden;
  const layers: LayerParams[] = [];
  for (let i = 0; i < spec.layers; i++) {
    layers.push({
      query: randomLinear(rng, H, H),
      key: randomLinear(rng, H, H),
      value: randomLinear(rng, H, H),
      output: randomLinear(rng, H, H),
      attentionNorm: unitNorm(H),
      ffIn: randomLinear(rng, H, spec.intermediate),
      ffOut: randomLinear(rng, spec.intermediate, H),
      outputNorm: unitNorm(H),
    });
  }
  return {
    word: randomMatrix(rng, spec.vocabSize * H),
    position: randomMatrix(rng, spec.maxPositions * H),
    tokenType: randomMatrix(rng, spec.typeVocabSize * H),
    embeddingNorm: unitNorm(H),
    layers,
  };
}

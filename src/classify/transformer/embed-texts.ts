/**
 * Sentence embeddings from a feature-extraction model: mean of last_hidden_state over the
 * attention mask, L2-normalised. Pure pooling helpers plus the batched runner.
 */
import type { ModelRuntime } from './load-model-runtime.ts';
import { encodeTexts, runBatched, type BatchOptions, type OutputTensor } from './run-batched.ts';

/** mean-pool row `row` of a [B, S, H] tensor over its first `length` positions, then L2-normalise */
export function meanPoolNormalized(output: OutputTensor, row: number, length: number): Float32Array {
  const S = output.dims[1] ?? 0;
  const H = output.dims[2] ?? 0;
  const v = new Float32Array(H);
  const n = Math.max(1, Math.min(length, S));
  for (let s = 0; s < n; s++) {
    const base = (row * S + s) * H;
    for (let h = 0; h < H; h++) v[h] = (v[h] ?? 0) + (output.data[base + h] ?? 0);
  }
  return normalize(v);
}

export function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

export function hiddenStateOutput(runtime: ModelRuntime): string {
  for (const name of ['last_hidden_state', 'token_embeddings']) if (runtime.outputNames.includes(name)) return name;
  return runtime.outputNames[0] ?? 'last_hidden_state';
}

export async function embedTexts(runtime: ModelRuntime, texts: readonly string[], batching: BatchOptions): Promise<Float32Array[]> {
  const items = encodeTexts(runtime, texts);
  return runBatched(runtime, items, hiddenStateOutput(runtime), batching, (output, batch) =>
    batch.indices.map((idx, row) => meanPoolNormalized(output, row, items[idx]?.ids.length ?? 1)),
  );
}

/** Options shared by the transformer engines, with their defaults (tuned on 2 CPU cores). */
import type { OnnxDtype } from './model-directory.ts';

export interface TransformerEngineOptions {
  /** texts per ONNX run, default 32 */
  readonly batchSize?: number;
  /** batches in flight at once, default 1 (onnxruntime already uses every core per batch) */
  readonly concurrency?: number;
  /** max tokens per text (capped by the model's own limit) */
  readonly maxLength?: number;
  /** onnxruntime intra-op threads, default: all cores */
  readonly threads?: number;
  /** which ONNX variant to load; default fp32 model.onnx when present, else a quantized one */
  readonly dtype?: OnnxDtype;
}

export const DEFAULT_BATCH_SIZE = 32;
export const DEFAULT_CONCURRENCY = 1;

export function batchOptions(opts: TransformerEngineOptions): { batchSize: number; concurrency: number } {
  return { batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE, concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY };
}

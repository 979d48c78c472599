/**
 * Batched inference: tokenise every text once (truncated to the model's max length), sort by
 * token length, pad each batch only to its own longest sequence, run batches with bounded
 * concurrency (p-limit), and return per-item results in the input order.
 */
import pLimit from 'p-limit';
import type { Tensor } from '@huggingface/transformers';
import { planLengthBatches, restoreOrder, type LengthBatch } from './length-batches.ts';
import type { ModelRuntime } from './load-model-runtime.ts';
import { truncateChars } from './truncate-text.ts';

export interface EncodedText {
  readonly ids: readonly number[];
  readonly types: readonly number[] | undefined;
}

export interface BatchOptions {
  readonly batchSize: number;
  readonly concurrency: number;
}

/** a model output tensor as plain data */
export interface OutputTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** tokenise texts (and optional second segments) without padding, truncated to maxLength tokens */
export function encodeTexts(runtime: ModelRuntime, texts: readonly string[], pairs?: readonly string[]): EncodedText[] {
  if (texts.length === 0) return [];
  const maxLength = runtime.directory.maxLength;
  const first = texts.map((t) => truncateChars(t, maxLength));
  const second = pairs?.map((t) => truncateChars(t, maxLength));
  const out = runtime.tokenizer(first, {
    text_pair: second,
    padding: false,
    truncation: true,
    max_length: maxLength,
    return_tensor: false,
  }) as { input_ids: number[][]; token_type_ids?: number[][] };
  return out.input_ids.map((ids, i) => ({ ids, types: out.token_type_ids?.[i] }));
}

/** padded int64 tensors for one batch, for the inputs the graph declares */
export function buildBatchInputs(runtime: ModelRuntime, items: readonly EncodedText[], batch: LengthBatch): Record<string, Tensor> {
  const B = batch.indices.length;
  const S = batch.maxLength;
  const ids = new BigInt64Array(B * S).fill(BigInt(runtime.padTokenId));
  const mask = new BigInt64Array(B * S);
  const types = new BigInt64Array(B * S);
  batch.indices.forEach((idx, row) => {
    const item = items[idx];
    if (item === undefined) throw new Error(`no encoded text at ${idx}`);
    const base = row * S;
    item.ids.forEach((id, j) => {
      ids[base + j] = BigInt(id);
      mask[base + j] = 1n;
    });
    item.types?.forEach((t, j) => {
      types[base + j] = BigInt(t);
    });
  });
  const inputs: Record<string, Tensor> = {
    input_ids: new runtime.Tensor('int64', ids, [B, S]),
    attention_mask: new runtime.Tensor('int64', mask, [B, S]),
  };
  if (runtime.inputNames.includes('token_type_ids')) inputs['token_type_ids'] = new runtime.Tensor('int64', types, [B, S]);
  return inputs;
}

/**
 * Runs the model over all items; `consume` turns one batch's output into one result per batch
 * row (rows are in `batch.indices` order).
 */
export async function runBatched<T>(
  runtime: ModelRuntime,
  items: readonly EncodedText[],
  outputName: string,
  opts: BatchOptions,
  consume: (output: OutputTensor, batch: LengthBatch) => T[],
): Promise<T[]> {
  if (items.length === 0) return [];
  const batches = planLengthBatches(items.map((it) => it.ids.length), opts.batchSize);
  const limit = pLimit(Math.max(1, opts.concurrency));
  const results = await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const outputs = (await runtime.model(buildBatchInputs(runtime, items, batch))) as Record<string, Tensor | undefined>;
        const tensor = outputs[outputName];
        if (tensor === undefined) throw new Error(`${runtime.directory.onnxFile}: the model has no output "${outputName}" (outputs: ${Object.keys(outputs).join(', ')})`);
        return consume({ data: tensor.data as Float32Array, dims: tensor.dims }, batch);
      }),
    ),
  );
  return restoreOrder(batches, results, items.length);
}

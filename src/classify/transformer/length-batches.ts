/**
 * Batching by length: sort items by token length, cut into batches, and put results back in the
 * input order. Sorting keeps padding (wasted compute) small.
 */
export interface LengthBatch {
  /** original indices of the items in this batch, shortest first */
  readonly indices: readonly number[];
  /** the longest length in the batch (what the batch is padded to) */
  readonly maxLength: number;
}

export function planLengthBatches(lengths: readonly number[], batchSize: number): LengthBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive integer, got ${batchSize}`);
  const order = lengths.map((_, i) => i).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const batches: LengthBatch[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    batches.push({ indices, maxLength: Math.max(...indices.map((i) => lengths[i] ?? 0)) });
  }
  return batches;
}

/** put per-batch results (in batch order) back at their original indices */
export function restoreOrder<T>(batches: readonly LengthBatch[], results: ReadonlyArray<readonly T[]>, total: number): T[] {
  const out = new Array<T>(total);
  const filled = new Uint8Array(total);
  batches.forEach((batch, b) => {
    const res = results[b];
    if (res === undefined || res.length !== batch.indices.length) throw new Error(`batch ${b}: ${res?.length ?? 0} results for ${batch.indices.length} items`);
    batch.indices.forEach((idx, k) => {
      out[idx] = res[k] as T;
      filled[idx] = 1;
    });
  });
  if (filled.some((f) => f === 0)) throw new Error('some items were not in any batch');
  return out;
}

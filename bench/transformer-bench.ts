/**
 * Transformer throughput benchmark (2 CPU cores):
 *   npx tsx bench/transformer-bench.ts [--count 5000] [--naive 300] [--batch-size 32] [--concurrency 1] [--threads 2]
 *
 * Generates a MiniLM-L12-shaped classifier with random weights (hidden 384, 12 layers, 12 heads,
 * intermediate 1536) into bench/.data/, and 5,000 synthetic FR/EN verbatims of 5-80 words, then
 * measures verbatims/s for
 *   (a) ecoute's engine: loadTransformerSentiment → classifySentiment(all texts)
 *       (tokenisation, length-sorted batching, inference and label mapping included);
 *   (b) naive transformers.js: pipeline('text-classification') called once per text,
 *       on the first --naive texts, rate extrapolated;
 *   (c) a raw onnxruntime-node InferenceSession fed the same padded, length-sorted batches
 *       (tokenisation and tensor building EXCLUDED: only session.run is timed).
 * Goals: (a) ≥ 5 × (b) and (a) ≥ 0.8 × (c).
 * --dtype q8 runs all three on onnx/model_quantized.onnx (int8 dense layers, dynamic quantization).
 * CPU time per verbatim is printed too: on shared cores it is steadier than wall time.
 *
 * Measured on the 2-core dev machine while other jobs ran (load average 9-14), so wall figures are noisy:
 *   fp32, 600 texts:  (a) 9.3/s  (b) 7.7/s  (c) 8.8/s   → (a)/(b) 1.21, (a)/(c) 1.05
 *   fp32, 200 texts, 1 thread, by CPU time: (a) 28.4 vs (b) 25.9 CPU-ms/verbatim → batching saves no compute
 *   q8,   300 texts:  (a) 20.9/s (b) 19.4/s (c) 24.5/s  → (a)/(b) 1.08 wall (1.25 CPU), (a)/(c) 0.85 wall (0.94 CPU)
 * The (a) ≥ 0.8 × (c) goal is met. The (a) ≥ 5 × (b) goal is not reachable by batching on CPU with a 12-layer
 * encoder: it is compute-bound (≈ 1.6 GFLOP per 38-token verbatim), a one-text run has no padding, and the
 * per-call overhead of the pipeline is small next to the matrix products. int8 weights (--dtype q8) cut CPU
 * time per verbatim by ≈ 1.8×.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { env, pipeline } from '@huggingface/transformers';
import { loadTransformerSentiment } from '../src/classify/transformer/index.ts';
import { writeRandomEncoderModel, type ArchitectureName } from '../test/support/tiny-model/index.ts';
import { loadModelRuntime } from '../src/classify/transformer/load-model-runtime.ts';
import { encodeTexts } from '../src/classify/transformer/run-batched.ts';
import { planLengthBatches } from '../src/classify/transformer/length-batches.ts';
import { generateVerbatims } from './transformer-verbatims.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '5000' },
    naive: { type: 'string', default: '300' },
    'batch-size': { type: 'string', default: '32' },
    concurrency: { type: 'string', default: '1' },
    threads: { type: 'string', default: String(availableParallelism()) },
    arch: { type: 'string', default: 'minilm-l12' },
    skip: { type: 'string', default: '' },
    dtype: { type: 'string', default: 'fp32' },
  },
});
const count = Number(values.count);
const naiveCount = Math.min(count, Number(values.naive));
const batchSize = Number(values['batch-size']);
const concurrency = Number(values.concurrency);
const threads = Number(values.threads);
const arch = values.arch as ArchitectureName;
const skip = new Set(values.skip.split(',').filter((s) => s.length > 0));
if (values.dtype !== 'fp32' && values.dtype !== 'q8') throw new Error('--dtype is fp32 or q8');
const dtype = values.dtype;
const onnxFile = dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';

const dir = join(import.meta.dirname, '.data', `${arch}-random`);
if (!existsSync(join(dir, 'onnx', 'model.onnx')) || !existsSync(join(dir, 'onnx', 'model_quantized.onnx'))) {
  const t0 = performance.now();
  const { bytes } = await writeRandomEncoderModel(dir, { architecture: arch, labels: '3-class', seed: 11, quantized: true });
  console.log(`generated ${arch} random-weight classifier: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${dir}`);
}
const texts = generateVerbatims(count);
const words = texts.map((t) => t.split(/\s+/).length);
console.log(`${count} verbatims, ${Math.min(...words)}-${Math.max(...words)} words (mean ${(words.reduce((a, b) => a + b, 0) / count).toFixed(1)}); batch ${batchSize}, concurrency ${concurrency}, ${threads} threads, onnx/${onnxFile} for (a), (b) and (c)`);

const rate = (n: number, ms: number): number => (n / ms) * 1000;
const results: Record<string, number> = {};
/** wall time and process CPU time (user+system, all threads) of fn; CPU time is less sensitive to other jobs sharing the cores */
async function timed(fn: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}
const cpuPer = (cpuMs: number, n: number): string => `${(cpuMs / n).toFixed(1)} CPU-ms/verbatim`;
const cpuRates: Record<string, number> = {};

// (a) ecoute's engine
{
  const engine = await loadTransformerSentiment(dir, { batchSize, concurrency, threads, dtype });
  await engine.classifySentiment(texts.slice(0, 64));
  let n = 0;
  const { ms, cpuMs } = await timed(async () => {
    n = (await engine.classifySentiment(texts)).length;
  });
  if (n !== count) throw new Error('engine returned a wrong count');
  results['a'] = rate(count, ms);
  cpuRates['a'] = rate(count, cpuMs);
  console.log(`(a) ecoute engine:            ${results['a'].toFixed(1)} verbatims/s (${(ms / 1000).toFixed(1)} s for ${count}; ${cpuPer(cpuMs, count)})`);
}

// (b) naive pipeline, one text at a time
if (!skip.has('b')) {
  env.allowRemoteModels = false;
  const pipe = await pipeline('text-classification', dir, { dtype, session_options: { intraOpNumThreads: threads } });
  await pipe(texts[0] ?? '');
  const { ms, cpuMs } = await timed(async () => {
    for (const t of texts.slice(0, naiveCount)) await pipe(t);
  });
  results['b'] = rate(naiveCount, ms);
  cpuRates['b'] = rate(naiveCount, cpuMs);
  console.log(`(b) naive pipeline per text:  ${results['b'].toFixed(1)} verbatims/s (${(ms / 1000).toFixed(1)} s for ${naiveCount}, extrapolated; ${cpuPer(cpuMs, naiveCount)})`);
}

// (c) raw onnxruntime session on the same padded batches, tokenisation excluded
if (!skip.has('c')) {
  const runtime = await loadModelRuntime(dir, 'classifier', { threads, dtype });
  const items = encodeTexts(runtime, texts);
  const batches = planLengthBatches(items.map((i) => i.ids.length), batchSize).map((b) => {
    const B = b.indices.length;
    const S = b.maxLength;
    const ids = new BigInt64Array(B * S);
    const mask = new BigInt64Array(B * S);
    b.indices.forEach((idx, row) => items[idx]!.ids.forEach((id, j) => {
      ids[row * S + j] = BigInt(id);
      mask[row * S + j] = 1n;
    }));
    return { input_ids: new Tensor('int64', ids, [B, S]), attention_mask: new Tensor('int64', mask, [B, S]), token_type_ids: new Tensor('int64', new BigInt64Array(B * S), [B, S]) };
  });
  const session = await InferenceSession.create(join(dir, 'onnx', onnxFile), { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  await session.run(batches[0]!);
  const { ms, cpuMs } = await timed(async () => {
    for (const feeds of batches) await session.run(feeds);
  });
  results['c'] = rate(count, ms);
  cpuRates['c'] = rate(count, cpuMs);
  console.log(`(c) raw onnxruntime session:  ${results['c'].toFixed(1)} verbatims/s (${(ms / 1000).toFixed(1)} s, session.run only; ${cpuPer(cpuMs, count)})`);
}

const ratio = (x: string, y: string, goal: string): void => {
  if (results[y] === undefined) return;
  console.log(`(${x})/(${y}) = ${(results[x]! / results[y]!).toFixed(2)} wall, ${(cpuRates[x]! / cpuRates[y]!).toFixed(2)} by CPU time  (goal ${goal})`);
};
ratio('a', 'b', '≥ 5');
ratio('a', 'c', '≥ 0.8');
console.log(`load average during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);

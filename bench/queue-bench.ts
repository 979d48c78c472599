/**
 * Classification queue benchmark (Redis + BullMQ, `ecoute worker` processes):
 *   npx tsx bench/queue-bench.ts [--count 768] [--chunk 128] [--layers 4] [--engine transformer|embedded|both]
 *
 * Starts a throwaway redis-server on a free loopback port, generates a random-weight encoder
 * classifier (MiniLM-L12 widths: hidden 384, 12 heads, intermediate 1536; `--layers` deep) and
 * `--count` synthetic FR/EN verbatims, then measures texts/s for
 *   (local) this process classifying every chunk itself (the path of a run without a queue);
 *   (1w)    the same chunks through the queue with one worker process;
 *   (2w)    … with two worker processes;
 * and the coordinator's own cost per text: its CPU time (enqueueing, waiting, parsing and
 * checking results) divided by the texts, while the workers do the classifying.
 * Workers are started (and warmed on one chunk) before timing; each uses onnxruntime's default
 * intra-op threads (all cores), so two workers on one machine share its cores: the 2-worker
 * speed-up here is a floor, on N machines each worker has its own cores.
 * DuckDB reads/writes of the cache are not included (identical with and without the queue).
 *
 * Results are pasted into the README ("Classification on several machines").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRandomEncoderModel } from '../test/support/tiny-model/index.ts';
import { resolveEngines } from '../src/classify/registry.ts';
import { classifyConfigSchema } from '../src/classify/classify-config-schema.ts';
import { buildCacheKey } from '../src/classify/pipeline/cache-key.ts';
import { defaultClassifyBatch } from '../src/classify/pipeline/classify-responses.ts';
import { buildEngineSpec } from '../src/classify/queue/engine-spec.ts';
import { openQueueClassifier } from '../src/classify/queue/queue-classifier.ts';
import { queueConfigSchema } from '../src/classify/queue/queue-config-schema.ts';
import { connectRedis } from '../src/classify/queue/redis-url.ts';
import { findRedisServer, startRedis, startWorker, type WorkerProcess } from '../test/queue/redis-harness.ts';
import { generateVerbatims } from './transformer-verbatims.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '768' },
    chunk: { type: 'string', default: '128' },
    layers: { type: 'string', default: '4' },
    engine: { type: 'string', default: 'both' },
  },
});
const count = Number(values.count);
const chunk = Number(values.chunk);
const bin = findRedisServer();
if (bin === undefined) throw new Error('redis-server is not installed (apt-get install redis-server)');

const root = mkdtempSync(join(tmpdir(), 'ecoute-queue-bench-'));
const redis = await startRedis(bin);
const models = join(root, 'models');
const workers: WorkerProcess[] = [];
const texts = generateVerbatims(count);
const chunks: string[][] = [];
for (let i = 0; i < texts.length; i += chunk) chunks.push(texts.slice(i, i + chunk));

/** CPU milliseconds (user + system, all threads) a process has used so far, from /proc (Linux). */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s ticks
}
const load = (): string => loadavg()[0]!.toFixed(1);

async function flush(): Promise<void> {
  const c = await connectRedis(redis.url);
  await c.flushall();
  await c.quit();
}

async function measure(engine: 'transformer' | 'embedded'): Promise<void> {
  const config = classifyConfigSchema.parse(
    engine === 'transformer' ? { sentiment: { engine: 'transformer', model: 'random-encoder' }, batch_size: chunk, domain_adaptation: false } : { batch_size: chunk, domain_adaptation: false },
  );
  const engines = await resolveEngines(config, undefined, models);
  const local = await defaultClassifyBatch(engines);
  await local(chunks[0]!); // warm-up (model load, first inference)
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const c of chunks) await local(c);
  const localRate = (count / (performance.now() - t0)) * 1000;
  const lc = process.cpuUsage(c0);
  console.log(`${engine}: ${count} texts in ${chunks.length} chunks of ${chunk} (load average ${load()} on ${availableParallelism()} cores)`);
  console.log(`  local (one process)   ${localRate.toFixed(1)} texts/s   CPU ${((lc.user + lc.system) / 1000 / count).toFixed(2)} ms/text`);

  for (const n of [1, 2]) {
    await flush();
    while (workers.length < n) {
      const w = startWorker(redis.url, models, ['--lock-duration-ms', '30000', '--stalled-interval-ms', '30000']); // production defaults
      workers.push(w);
      await w.waitFor(/worker ready/, 180_000);
    }
    const queue = queueConfigSchema.parse({ redis: redis.url, chunk_size: chunk, timeout_seconds: 120 });
    const spec = buildEngineSpec(config, undefined, undefined);
    const remote = await openQueueClassifier({ queue, spec, key: buildCacheKey(engines, undefined), local });
    try {
      // warm every worker on one distinct chunk each (engine build and first inference are not throughput)
      await Promise.all(workers.map((_, i) => remote.classify([`warm-up ${engine} ${n} ${i}`])));
      const cpu0 = process.cpuUsage();
      const workerCpu0 = workers.map((w) => cpuMsOf(w.child.pid));
      const w0 = performance.now();
      await Promise.all(chunks.map((c) => remote.classify(c)));
      const ms = performance.now() - w0;
      const cpu = process.cpuUsage(cpu0);
      const workerMs = workers.reduce((sum, w, i) => sum + cpuMsOf(w.child.pid) - workerCpu0[i]!, 0);
      const coordinatorUs = (cpu.user + cpu.system) / count;
      console.log(
        `  queue, ${n} worker${n === 1 ? ' ' : 's'}      ${((count / ms) * 1000).toFixed(1)} texts/s   workers CPU ${(workerMs / count).toFixed(2)} ms/text   ` +
          `coordinator CPU ${(coordinatorUs / 1000).toFixed(3)} ms/text (≈ ${Math.round(1e6 / coordinatorUs)} texts/s per coordinator core)   load ${load()}`,
      );
    } finally {
      await remote.close();
    }
  }
  await Promise.all(workers.splice(0).map((w) => new Promise((r) => (w.child.once('exit', r), w.child.kill('SIGTERM')))));
}

try {
  await writeRandomEncoderModel(join(models, 'random-encoder'), { architecture: 'minilm-l12', dims: { layers: Number(values.layers) }, labels: '3-class', seed: 11 });
  if (values.engine !== 'embedded') await measure('transformer');
  if (values.engine !== 'transformer') await measure('embedded');
} finally {
  for (const w of workers) w.child.kill('SIGKILL');
  redis.stop();
  rmSync(root, { recursive: true, force: true });
}

/**
 * `ecoute worker --redis URL`: takes classification chunks from the queue, builds the engines the
 * job's spec names (with this machine's models/ folder; cached per spec), checks they give the job's
 * cache key — engine, model revision, taxonomy version — and returns one classification per text,
 * keyed by its hash. A job for another model is refused: it fails at once (no retry) with a
 * reason the coordinator reports.
 *
 * **Example:**
 * ```ts
 * const w = await startClassifyWorker({ redis: 'redis://127.0.0.1:6379', concurrency: 1, modelsRoot: 'models', log: console.error });
 * process.once('SIGTERM', () => void w.close());
 * await w.closed;
 * ```
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { resolveEngines } from '../registry.ts';
import { buildCacheKey, type CacheKey } from '../pipeline/cache-key.ts';
import { defaultClassifyBatch } from '../pipeline/classify-responses.ts';
import type { ClassifyBatch } from '../pipeline/classify-into-cache.ts';
import { CLASSIFY_QUEUE, classifyJobSchema, toWire, type ClassifyResult } from './classify-job.ts';
import { engineSpecSchema, preparedTopicModel, specRedisKey, type EngineSpec } from './engine-spec.ts';
import { connectRedis, redactRedisUrl, redisOptions } from './redis-url.ts';
import { errorText, queueMessages } from './queue-messages.ts';

export interface ClassifyWorkerOptions {
  readonly redis: string;
  /** chunks processed at the same time by this process */
  readonly concurrency: number;
  readonly modelsRoot: string;
  /** how long a chunk's lock lasts without renewal (BullMQ lockDuration; default 30 s) */
  readonly lockDurationMs?: number;
  /** how often this worker looks for stalled chunks of dead workers (BullMQ stalledInterval; default 30 s) */
  readonly stalledIntervalMs?: number;
  readonly log: (message: string) => void;
}

export interface RunningWorker {
  /** settles when the worker has stopped (after close(), or when Redis went away) */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

interface BuiltEngines {
  readonly key: CacheKey;
  readonly classify: ClassifyBatch;
}

/** Engines described by the spec, or the reason this worker cannot build them. */
async function buildEngines(spec: EngineSpec, modelsRoot: string): Promise<BuiltEngines> {
  const engines = await resolveEngines(spec.config, spec.taxonomy, modelsRoot, undefined, preparedTopicModel(spec));
  return { key: buildCacheKey(engines, spec.taxonomy?.version), classify: await defaultClassifyBatch(engines) };
}

const sameKey = (a: CacheKey, b: CacheKey): boolean =>
  a.engine === b.engine && a.model === b.model && a.revision === b.revision && a.taxonomy_version === b.taxonomy_version;

export async function startClassifyWorker(opts: ClassifyWorkerOptions): Promise<RunningWorker> {
  const url = redactRedisUrl(opts.redis);
  const specs = await connectRedis(opts.redis);
  const built = new Map<string, Promise<BuiltEngines>>();

  async function enginesFor(specId: string): Promise<BuiltEngines> {
    let engines = built.get(specId);
    if (engines === undefined) {
      engines = (async () => {
        const json = await specs.get(specRedisKey(specId));
        if (json === null) throw new UnrecoverableError(queueMessages.specMissing(specId.slice(0, 12)));
        const parsed = engineSpecSchema.safeParse(JSON.parse(json));
        if (!parsed.success) throw new UnrecoverableError(queueMessages.badSpec(specId.slice(0, 12), parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
        try {
          return await buildEngines(parsed.data as EngineSpec, opts.modelsRoot);
        } catch (error) {
          throw new UnrecoverableError(`refused: ${errorText(error)}`);
        }
      })();
      built.set(specId, engines);
      engines.catch(() => built.delete(specId));
      if (built.size > 8) built.delete(built.keys().next().value as string);
    }
    return engines;
  }

  async function processChunk(job: Job): Promise<ClassifyResult> {
    const id = String(job.id).slice(6, 18);
    const parsed = classifyJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(queueMessages.badJob(id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const data = parsed.data;
    const engines = await enginesFor(data.spec);
    if (!sameKey(engines.key, data.key)) {
      const reason = queueMessages.refused(data.key, engines.key);
      opts.log(`chunk ${id}: ${reason}`);
      throw new UnrecoverableError(reason);
    }
    opts.log(`chunk ${id} started (${data.texts.length} texts)`);
    const started = performance.now();
    const results = await engines.classify(data.texts);
    opts.log(`chunk ${id} done in ${Math.round(performance.now() - started)} ms`);
    return { hashes: data.hashes, results: results.map(toWire) };
  }

  const worker = new Worker(CLASSIFY_QUEUE, processChunk, {
    connection: redisOptions(opts.redis),
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs ?? 30_000,
    stalledInterval: opts.stalledIntervalMs ?? 30_000,
    maxStalledCount: 3,
  });
  let closing = false;
  const closed = new Promise<void>((resolve) => {
    worker.on('closed', () => resolve());
    worker.on('error', (error) => {
      opts.log(`worker error: ${errorText(error)}`);
      if (errorText(error).includes('Connection is closed') && !closing) void close();
    });
  });
  await worker.waitUntilReady();
  opts.log(`worker ready on ${url} (concurrency ${opts.concurrency}, models ${opts.modelsRoot})`);
  async function close(): Promise<void> {
    closing = true;
    await worker.close().catch(() => undefined);
    await specs.quit().catch(() => undefined);
  }
  return { closed, close };
}

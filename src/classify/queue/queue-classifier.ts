/**
 * The coordinator side of the classification queue: a ClassifyBatch that sends each chunk of
 * uncached texts to `ecoute worker` processes as a BullMQ job and resolves with their results, so
 * classifyIntoCache writes them into the cache exactly as it writes local results.
 *
 *   chunk of texts ─▶ job (spec id, cache key, hashes, texts), id = hash(key, hashes)
 *                  ─▶ worker builds the engines from the spec, refuses another model
 *                  ─▶ result keyed by text hash, checked against the chunk ─▶ cache
 *
 * A worker killed mid-chunk leaves its job locked; BullMQ's stalled-job check on a live worker
 * puts it back in the queue for another one. A watchdog counts live workers: none for
 * `timeout_seconds` → a clear error, or (fallback: local) the remaining chunks run here.
 *
 * **Example:**
 * ```ts
 * const remote = await openQueueClassifier({ queue, spec, key, local, log });
 * try { await classifyIntoCache(conn, { key, classify: remote.classify, batchSize: queue.chunk_size, concurrency: queue.in_flight }); }
 * finally { await remote.close(); }
 * remote.stats(); // { chunks: 12, remote: 12, local: 0, stalled: 1 }
 * ```
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { ClassifyBatch } from '../pipeline/classify-into-cache.ts';
import type { CacheKey } from '../pipeline/cache-key.ts';
import { EcouteError } from '../../run/errors.ts';
import { CLASSIFY_JOB, CLASSIFY_QUEUE, chunkJobId, resultsFor, textHash, type ClassifyJob } from './classify-job.ts';
import { ENGINE_SPEC_TTL_SECONDS, engineSpecId, specRedisKey, type EngineSpec } from './engine-spec.ts';
import { connectRedis, redactRedisUrl, redisOptions } from './redis-url.ts';
import { errorText, queueMessages } from './queue-messages.ts';
import type { QueueConfig } from './queue-config-schema.ts';

export interface QueueClassifierOptions {
  readonly queue: QueueConfig;
  readonly spec: EngineSpec;
  readonly key: CacheKey;
  /** this process's classifier, used when fallback is 'local' and no worker is alive */
  readonly local: ClassifyBatch;
  readonly log?: (message: string) => void;
  /** milliseconds between two counts of live workers (default 500) */
  readonly pollMs?: number;
}

export interface QueueStats {
  /** chunks sent to the queue */
  readonly chunks: number;
  /** chunks whose results came from a worker */
  readonly remote: number;
  /** chunks classified here after the no-worker timeout (fallback: local) */
  readonly local: number;
  /** times a chunk of this run was put back after its worker stopped renewing its lock */
  readonly stalled: number;
}

export interface QueueClassifier {
  readonly classify: ClassifyBatch;
  stats(): QueueStats;
  close(): Promise<void>;
}

/** The run cannot classify through the queue (no worker, refused or failed chunk, unusable result). */
export class QueueClassifyError extends EcouteError {
  constructor(message: string) {
    super(message);
    this.name = 'QueueClassifyError';
  }
}

async function connectOrFail<T extends { waitUntilReady(): Promise<unknown>; close(): Promise<void> }>(what: T, url: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      what.waitUntilReady(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return what;
  } catch (error) {
    await what.close().catch(() => undefined);
    throw new QueueClassifyError(queueMessages.unreachable(redactRedisUrl(url), errorText(error)));
  } finally {
    clearTimeout(timer);
  }
}

export async function openQueueClassifier(opts: QueueClassifierOptions): Promise<QueueClassifier> {
  const { queue: cfg, log = () => undefined } = opts;
  const url = redactRedisUrl(cfg.redis);
  // The engine spec first: an unreachable Redis is then one error with its cause (e.g. ECONNREFUSED).
  const specJson = JSON.stringify(opts.spec);
  const specId = engineSpecId(specJson);
  const client = await connectRedis(cfg.redis).catch((error: unknown) => {
    throw new QueueClassifyError(errorText(error));
  });
  try {
    await client.set(specRedisKey(specId), specJson, 'EX', ENGINE_SPEC_TTL_SECONDS);
  } finally {
    await client.quit().catch(() => undefined);
  }

  const connection = redisOptions(cfg.redis);
  const connectMs = Math.min(10_000, cfg.timeout_seconds * 1000);
  const queue = await connectOrFail(new Queue(CLASSIFY_QUEUE, { connection }), cfg.redis, connectMs);
  const events = await connectOrFail(new QueueEvents(CLASSIFY_QUEUE, { connection }), cfg.redis, connectMs).catch(async (e: unknown) => {
    await queue.close();
    throw e;
  });
  queue.setMaxListeners(0);
  events.setMaxListeners(0);

  const mine = new Set<string>();
  let stalled = 0;
  let chunks = 0;
  let remote = 0;
  let local = 0;
  let pending = 0;
  events.on('stalled', ({ jobId }: { jobId: string }) => {
    if (!mine.has(jobId)) return;
    stalled += 1;
    log(`  classify queue: chunk ${jobId.slice(6, 18)} stalled (its worker stopped); retried on another worker`);
  });

  // Watchdog: the time a live worker was last seen; none for timeout_seconds → `dead` settles.
  let lastSeen = performance.now();
  let workersSeen = -1;
  let onDead: (() => void) | undefined;
  const dead = new Promise<void>((resolve) => {
    onDead = resolve;
  });
  let isDead = false;
  const poll = setInterval(() => {
    void queue.getWorkersCount().then(
      (n) => {
        if (n !== workersSeen) log(`  classify queue: ${n} live worker${n === 1 ? '' : 's'} on ${url}`);
        workersSeen = n;
        if (n > 0) lastSeen = performance.now();
        else if (!isDead && performance.now() - lastSeen > cfg.timeout_seconds * 1000) {
          isDead = true;
          onDead?.();
        }
      },
      () => undefined,
    );
  }, opts.pollMs ?? 500);

  async function enqueue(data: ClassifyJob, jobId: string): Promise<Job> {
    const existing = await queue.getJob(jobId);
    // a failed chunk of an earlier run (e.g. refused by a worker since upgraded) is tried again
    if (existing !== undefined && (await existing.isFailed())) await existing.remove();
    return queue.add(CLASSIFY_JOB, data, {
      jobId,
      attempts: 2,
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 86_400 },
    });
  }

  const classify: ClassifyBatch = async (texts) => {
    chunks += 1;
    if (isDead) return runLocally(texts);
    const hashes = texts.map(textHash);
    const jobId = chunkJobId(opts.key, hashes);
    mine.add(jobId);
    pending += 1;
    try {
      const job = await enqueue({ spec: specId, key: opts.key, hashes, texts: [...texts] }, jobId);
      const outcome = await Promise.race([
        job.waitUntilFinished(events).then(
          (value: unknown) => ({ value }),
          (error: unknown) => ({ error: errorText(error) }),
        ),
        dead.then(() => ({ dead: true as const })),
      ]);
      if ('dead' in outcome) {
        if (cfg.fallback !== 'local') throw new QueueClassifyError(queueMessages.noWorker(url, cfg.timeout_seconds, pending));
        await job.remove().catch(() => undefined);
        return runLocally(texts);
      }
      if ('error' in outcome) throw new QueueClassifyError(queueMessages.jobFailed(jobId.slice(6, 18), outcome.error));
      const parsed = resultsFor(hashes, outcome.value);
      if ('problem' in parsed) throw new QueueClassifyError(queueMessages.badResult(jobId.slice(6, 18), parsed.problem));
      remote += 1;
      return parsed.results;
    } finally {
      pending -= 1;
    }
  };

  let warned = false;
  async function runLocally(texts: readonly string[]) {
    if (!warned) log(`  ${queueMessages.noWorkerFallback(url, cfg.timeout_seconds)}`);
    warned = true;
    local += 1;
    return opts.local(texts);
  }

  return {
    classify,
    stats: () => ({ chunks, remote, local, stalled }),
    close: async () => {
      clearInterval(poll);
      await events.close().catch(() => undefined);
      await queue.close().catch(() => undefined);
    },
  };
}

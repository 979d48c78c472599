/** Messages of the classification queue (coordinator and worker), in one place so tests compare against the builders. */
import type { CacheKey } from '../pipeline/cache-key.ts';

const keyText = (k: CacheKey): string => `${k.engine} ${k.model} revision ${k.revision}${k.taxonomy_version === '' ? '' : `, taxonomy ${k.taxonomy_version}`}`;

export const queueMessages = {
  badRedisUrl: (text: string) => `"${text}" is not a Redis address: expected redis://HOST:PORT (or rediss:// for TLS, /DB to pick a database)`,
  unreachable: (url: string, cause: string) => `cannot reach Redis at ${url} (${cause}): start redis-server there, or remove classify.queue / --queue to classify in this process`,
  noWorker: (url: string, seconds: number, pending: number) =>
    `no live ecoute worker on ${url} within ${seconds} s (${pending} chunk${pending === 1 ? '' : 's'} waiting): start one with \`ecoute worker --redis ${url}\`, or set classify.queue.fallback: local`,
  noWorkerFallback: (url: string, seconds: number) => `classify queue: no live worker on ${url} within ${seconds} s; classifying the remaining chunks in this process (fallback: local)`,
  refused: (wanted: CacheKey, own: CacheKey) => `refused: the job needs ${keyText(wanted)}, this worker has ${keyText(own)}`,
  jobFailed: (jobId: string, reason: string) => `classification chunk ${jobId} failed on a worker: ${reason}`,
  badResult: (jobId: string, problem: string) => `classification chunk ${jobId}: the worker's result is unusable (${problem})`,
  specMissing: (specId: string) => `refused: engine spec ${specId} is not in Redis (expired or deleted); rerun the coordinator`,
  badSpec: (specId: string, problem: string) => `refused: engine spec ${specId} is invalid (${problem})`,
  badJob: (jobId: string, problem: string) => `refused: job ${jobId} is not a classification chunk (${problem})`,
} as const;

/** The message of anything thrown. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

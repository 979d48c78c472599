/**
 * `classify.queue:` — classify the uncached texts on `ecoute worker` processes through Redis
 * (BullMQ) instead of in this process. `ecoute run --queue URL` sets or overrides `redis`.
 *
 * ```yaml
 * classify:
 *   queue: { redis: "redis://10.0.0.5:6379", chunk_size: 256, timeout_seconds: 60, fallback: local }
 * ```
 */
import { z } from 'zod';
import { UsageError } from '../../run/errors.ts';
import { queueMessages } from './queue-messages.ts';

export const queueConfigSchema = z
  .strictObject({
    redis: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, { error: 'expected redis://HOST:PORT (or rediss:// for TLS)' })
      .describe('Redis address shared by this run and the workers'),
    chunk_size: z.number().int().min(1).max(10_000).default(256).describe('texts per job; equal to batch_size for outputs byte-identical to a local run'),
    in_flight: z.number().int().min(1).max(10_000).default(64).describe('chunks enqueued at the same time'),
    timeout_seconds: z.number().positive().max(86_400).default(60).describe('how long to wait with no live worker before failing (or falling back)'),
    fallback: z.enum(['fail', 'local']).default('fail').describe('"local" classifies in this process when no worker is alive within the timeout; "fail" stops the run'),
  })
  .describe('classification on ecoute workers through Redis');

export type QueueConfig = z.infer<typeof queueConfigSchema>;

/** The queue settings of a run: the pipeline's, with the address from --queue when given. */
export function resolveQueueConfig(fromPipeline: QueueConfig | undefined, cliUrl: string | undefined): QueueConfig | undefined {
  if (cliUrl === undefined) return fromPipeline;
  const parsed = queueConfigSchema.safeParse({ ...(fromPipeline ?? {}), redis: cliUrl });
  if (!parsed.success) throw new UsageError(`--queue: ${queueMessages.badRedisUrl(cliUrl)}`);
  return parsed.data;
}

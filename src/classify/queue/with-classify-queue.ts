/**
 * The one hook of the queue in the classify phase: with `classify.queue` (or --queue), the batch
 * classifier handed to classifyResponses is the queue's (chunks of `chunk_size`, `in_flight` at a
 * time); without it, nothing changes. Local and queued runs write the same cache rows.
 */
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { ClassifyConfig } from '../classify-config-schema.ts';
import type { PreparedTopicModel, ResolvedEngines } from '../registry.ts';
import { buildCacheKey } from '../pipeline/cache-key.ts';
import { defaultClassifyBatch } from '../pipeline/classify-responses.ts';
import type { ClassifyBatch } from '../pipeline/classify-into-cache.ts';
import { buildEngineSpec } from './engine-spec.ts';
import { openQueueClassifier, type QueueStats } from './queue-classifier.ts';
import type { QueueConfig } from './queue-config-schema.ts';

export interface QueueBatchOptions {
  readonly classify: ClassifyBatch;
  readonly batchSize: number;
  readonly concurrency: number;
}

export async function withClassifyQueue<T>(
  queue: QueueConfig | undefined,
  ctx: { readonly config: ClassifyConfig; readonly taxonomy?: Taxonomy; readonly engines: ResolvedEngines; readonly topicModel?: PreparedTopicModel | 'per-run'; readonly log?: (message: string) => void },
  classify: (remote: Partial<QueueBatchOptions>) => Promise<T>,
): Promise<{ result: T; queue?: QueueStats }> {
  if (queue === undefined) return { result: await classify({}) };
  const remote = await openQueueClassifier({
    queue,
    spec: buildEngineSpec(ctx.config, ctx.taxonomy, ctx.topicModel),
    key: buildCacheKey(ctx.engines, ctx.taxonomy?.version),
    local: await defaultClassifyBatch(ctx.engines),
    ...(ctx.log !== undefined ? { log: ctx.log } : {}),
  });
  try {
    const result = await classify({ classify: remote.classify, batchSize: queue.chunk_size, concurrency: queue.in_flight });
    return { result, queue: remote.stats() };
  } finally {
    await remote.close();
  }
}

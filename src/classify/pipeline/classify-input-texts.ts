/**
 * Classifies the texts of an input file (the `classify_source` view) into the cache, once per distinct
 * text: shared by `ecoute classify` and `ecoute eval`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildCacheKey, type CacheKey, type ClassifyEngines } from './cache-key.ts';
import { classifyIntoCache, type CacheRunCounts, type ClassifyBatch } from './classify-into-cache.ts';
import { defaultClassifyBatch } from './classify-responses.ts';
import type { ProgressOutput } from './progress-bar.ts';

export interface ClassifyInputOptions {
  readonly classify?: ClassifyBatch;
  readonly batchSize?: number;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
}

export async function classifyInputTexts(conn: DuckDBConnection, engines: ClassifyEngines, taxonomyVersion: string | undefined, opts: ClassifyInputOptions): Promise<{ key: CacheKey; counts: CacheRunCounts }> {
  const key = buildCacheKey(engines, taxonomyVersion);
  const counts = await classifyIntoCache(conn, {
    key,
    classify: opts.classify ?? (await defaultClassifyBatch(engines)),
    batchSize: opts.batchSize,
    quiet: opts.quiet,
    progressOutput: opts.progressOutput,
  });
  return { key, counts };
}

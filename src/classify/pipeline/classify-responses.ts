/**
 * Classifies the verbatims of the `responses` table incrementally and (re)builds the output tables.
 *
 *   responses.verbatim ─▶ classification_cache (only new or changed texts are classified)
 *                      ─▶ (rebuilt, or appended to when responses were only added)
 *                      ─▶ verbatim_sentiment (response_id, language, sentiment_label, polarity, confidence, engine, model, revision)
 *                      ─▶ theme_mentions (response_id, theme_id, clause_text, clause_start, clause_end, match_score, sentiment_label, polarity, engine, model)
 *
 * **Example:**
 * ```ts
 * const engines = await resolveEngines(config, taxonomy, 'models');
 * const run = await classifyResponses(db.connection, { engines, taxonomyVersion: taxonomy.version });
 * // { distinctTexts: 1200, cachedHits: 1188, newlyClassified: 12, seconds: 0.4, rate: 30, ... }
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EngineInfo } from '../classifier-types.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { updateOutputTables, type OutputUpdate } from './update-output-tables.ts';
import { buildCacheKey, engineInfos, type CacheKey, type ClassifyEngines } from './cache-key.ts';
import { classifyIntoCache, type ClassifyBatch, type CacheRunCounts } from './classify-into-cache.ts';
import type { ProgressOutput } from './progress-bar.ts';

export interface ClassifyResponsesOptions {
  readonly engines: ClassifyEngines;
  /** taxonomy.version; part of the cache key when a topic engine is given */
  readonly taxonomyVersion?: string;
  /** how a batch of texts is classified; default: the embedded pipeline's classifyVerbatims over `engines` */
  readonly classify?: ClassifyBatch;
  readonly batchSize?: number;
  readonly concurrency?: number;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
  readonly clock?: () => number;
}

export interface ClassifyResponsesResult extends CacheRunCounts {
  readonly key: CacheKey;
  readonly engines: readonly EngineInfo[];
  /** how the output tables were brought up to date (see update-output-tables.ts) */
  readonly outputTables: OutputUpdate;
  /** rows written to verbatim_sentiment / theme_mentions */
  readonly sentimentRows: number;
  readonly mentionRows: number;
}

/**
 * classifyVerbatims from the embedded engine (language, clauses, sentiment, themes) over the given engines;
 * featurizeVerbatims (themes left to the run's topic model, see run-topic-model-phase.ts) for a per-run topic engine.
 */
export async function defaultClassifyBatch(engines: ClassifyEngines): Promise<ClassifyBatch> {
  const { classifyVerbatims, featurizeVerbatims, isPerRunTopicEngine } = await import('../embedded/index.ts');
  const topics = engines.topics;
  if (isPerRunTopicEngine(topics)) return (texts) => featurizeVerbatims(texts, { sentiment: engines.sentiment, topics });
  return (texts) => classifyVerbatims(texts, topics === undefined ? { sentiment: engines.sentiment } : { sentiment: engines.sentiment, topics });
}

export async function classifyResponses(conn: DuckDBConnection, opts: ClassifyResponsesOptions): Promise<ClassifyResponsesResult> {
  const key = buildCacheKey(opts.engines, opts.taxonomyVersion);
  const classify = opts.classify ?? (await defaultClassifyBatch(opts.engines));
  await runSqlFile(conn, 'classify/create-responses-source');
  const counts = await classifyIntoCache(conn, {
    key,
    classify,
    batchSize: opts.batchSize,
    concurrency: opts.concurrency,
    quiet: opts.quiet,
    progressOutput: opts.progressOutput,
    clock: opts.clock,
  });
  const outputTables = await updateOutputTables(conn, {
    key,
    sentiment: opts.engines.sentiment.info,
    topics: opts.engines.topics?.info ?? opts.engines.sentiment.info,
  });
  const [rows] = await querySqlFile(conn, 'classify/count-output-rows');
  return {
    ...counts,
    key,
    engines: engineInfos(opts.engines),
    outputTables,
    sentimentRows: Number(rows?.sentiment_rows ?? 0),
    mentionRows: Number(rows?.mention_rows ?? 0),
  };
}

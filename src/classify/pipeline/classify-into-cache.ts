/**
 * The incremental core: classifies the texts of the `classify_source` view (columns `text`, `text_hash` = md5(text))
 * that `classification_cache` lacks for the current engine key, and appends them to the cache.
 *
 *   classify_source ──distinct hashes──▶ classify_hashes ──anti-join──▶ classify_todo ──chunks──▶ classify (JS)
 *     ──appender──▶ classification_staging (JSON) ──parsed once──▶ classification_cache (mentions, or clauses
 *     with their topic features when the run trains its own topic model)
 *
 * Only the distinct uncached texts cross into JavaScript, `batchSize` at a time.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { VerbatimClassification } from '../classifier-types.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';
import { serializeMentions, round6 } from './serialize-mentions.ts';
import { serializeClauses } from './serialize-clauses.ts';
import type { FeaturizedClause } from '../embedded/featurize-verbatims.ts';
import { createProgressBar, type ProgressOutput } from './progress-bar.ts';

/** Classifies a batch of texts, results in the same order; `clauses` when themes are left to the run's topic model. */
export type ClassifyBatch = (texts: readonly string[]) => Promise<Array<VerbatimClassification & { readonly clauses?: readonly FeaturizedClause[] }>>;

export interface ClassifyIntoCacheOptions {
  readonly key: CacheKey;
  readonly classify: ClassifyBatch;
  readonly batchSize?: number;
  /** chunks classified at the same time */
  readonly concurrency?: number;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
  /** milliseconds, monotonic; used for the rate and the progress bar only */
  readonly clock?: () => number;
}

export interface CacheRunCounts {
  /** distinct non-blank texts in the source */
  readonly distinctTexts: number;
  /** of those, already in the cache for this key */
  readonly cachedHits: number;
  readonly newlyClassified: number;
  readonly seconds: number;
  /** newly classified texts per second (0 when nothing was classified) */
  readonly rate: number;
}

interface TodoRow {
  readonly text_hash: string;
  readonly text: string;
}

export async function ensureClassificationCache(conn: DuckDBConnection): Promise<void> {
  const [shape] = await querySqlFile(conn, 'classify/select-cache-shape');
  if (Number(shape?.cache_tables ?? 0) > 0 && Number(shape?.with_provenance ?? 0) === 0) await runSqlFile(conn, 'classify/drop-classification-cache');
  await runSqlFile(conn, 'classify/create-classification-cache');
}

export async function classifyIntoCache(conn: DuckDBConnection, opts: ClassifyIntoCacheOptions): Promise<CacheRunCounts> {
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const batchSize = Math.max(1, opts.batchSize ?? 256);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  await ensureClassificationCache(conn);
  await runSqlFile(conn, 'classify/hash-source-texts');
  await runSqlFile(conn, 'classify/stage-uncached-texts', cacheKeyParams(opts.key));
  const [counts] = await querySqlFile(conn, 'classify/count-source-texts');
  const distinctTexts = Number(counts?.distinct_texts ?? 0);
  const todo = Number(counts?.uncached_texts ?? 0);
  const progress = createProgressBar({ total: todo, quiet: opts.quiet, output: opts.progressOutput, clock, label: 'classify' });

  const appender = await conn.createAppender('classification_staging');
  try {
    for (let after = 0; after < todo; after += batchSize * concurrency) {
      const chunks: TodoRow[][] = [];
      for (let c = 0; c < concurrency && after + c * batchSize < todo; c++) {
        const lo = after + c * batchSize;
        const rows = await querySqlFile(conn, 'classify/read-todo-chunk', { after: lo, upto: lo + batchSize });
        chunks.push(rows as unknown as TodoRow[]);
      }
      const results = await Promise.all(
        chunks.map(async (rows) => {
          const out = await opts.classify(rows.map((r) => r.text));
          if (out.length !== rows.length) throw new Error(`classifier returned ${out.length} results for ${rows.length} texts`);
          progress.tick(rows.length);
          return out;
        }),
      );
      chunks.forEach((rows, c) => {
        rows.forEach((row, i) => {
          const r = results[c]![i]!;
          appender.appendVarchar(row.text_hash);
          appender.appendVarchar(opts.key.engine);
          appender.appendVarchar(opts.key.model);
          appender.appendVarchar(opts.key.revision);
          appender.appendVarchar(opts.key.taxonomy_version);
          appender.appendVarchar(r.language);
          appender.appendVarchar(r.sentiment.label);
          appender.appendDouble(round6(r.sentiment.polarity));
          appender.appendDouble(round6(r.sentiment.confidence));
          appender.appendVarchar(serializeMentions(r.mentions));
          if (r.clauses === undefined) appender.appendNull();
          else appender.appendVarchar(serializeClauses(r.clauses));
          appender.endRow();
        });
      });
      appender.flushSync();
      await runSqlFile(conn, 'classify/flush-classification-staging');
    }
  } finally {
    appender.closeSync();
    progress.done();
  }
  const seconds = (clock() - started) / 1000;
  return {
    distinctTexts,
    cachedHits: distinctTexts - todo,
    newlyClassified: todo,
    seconds,
    rate: todo > 0 && seconds > 0 ? todo / seconds : 0,
  };
}

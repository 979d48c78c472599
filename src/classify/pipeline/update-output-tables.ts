/**
 * Brings verbatim_sentiment and theme_mentions up to date with response_text_hashes:
 *   - 'unchanged' when they already reflect exactly these responses, texts, engines and taxonomy;
 *   - 'appended' when responses were only added and all sort after the existing ones (the usual
 *     nightly load): their rows are inserted in order, giving the very rows and row order of a rebuild;
 *   - 'rebuilt' otherwise (first run, changed or deleted responses, new model or taxonomy version).
 * The tables and their state (classify_output_state / _meta) change in one transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EngineInfo } from '../classifier-types.ts';
import { runSqlFile, querySqlFile, type SqlParams } from '../../db/sql-file.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';

export type OutputUpdate = 'unchanged' | 'appended' | 'rebuilt';

export interface OutputTableParams {
  readonly key: CacheKey;
  readonly sentiment: EngineInfo;
  readonly topics: EngineInfo;
}

export async function updateOutputTables(conn: DuckDBConnection, p: OutputTableParams): Promise<OutputUpdate> {
  const key = cacheKeyParams(p.key);
  const sentiment: SqlParams = { sentiment_engine: p.sentiment.engine, sentiment_model: p.sentiment.model, sentiment_revision: p.sentiment.revision };
  const topics: SqlParams = { topic_engine: p.topics.engine, topic_model: p.topics.model };
  await runSqlFile(conn, 'classify/create-output-state');
  await runSqlFile(conn, 'classify/stage-output-delta');
  const [diff] = await querySqlFile(conn, 'classify/diff-output-state', { ...key, ...sentiment, ...topics });
  const canReuse = Number(diff?.meta_matches) === 1 && Number(diff?.output_tables) === 2 && Number(diff?.removed) === 0;
  if (canReuse && Number(diff?.added) === 0) return 'unchanged';
  const mode: OutputUpdate = canReuse && diff?.added_after === true ? 'appended' : 'rebuilt';
  // the same row queries serve both modes; only the responses they read differ
  await conn.run(`CREATE OR REPLACE TEMP VIEW classify_output_rows_of AS SELECT response_id, text_hash FROM ${mode === 'appended' ? 'classify_added' : 'response_text_hashes'}`);
  await runSqlFile(conn, 'classify/output-rows');
  await conn.run('BEGIN TRANSACTION');
  try {
    if (mode === 'appended') {
      await runSqlFile(conn, 'classify/append-verbatim-sentiment', { ...key, ...sentiment });
      await runSqlFile(conn, 'classify/append-theme-mentions', { ...key, ...topics });
      await runSqlFile(conn, 'classify/append-output-state');
    } else {
      await runSqlFile(conn, 'classify/build-verbatim-sentiment', { ...key, ...sentiment });
      await runSqlFile(conn, 'classify/build-theme-mentions', { ...key, ...topics });
      await runSqlFile(conn, 'classify/replace-output-state');
      await runSqlFile(conn, 'classify/replace-output-meta');
      await runSqlFile(conn, 'classify/insert-output-meta', { ...key, ...sentiment, ...topics });
    }
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
  return mode;
}

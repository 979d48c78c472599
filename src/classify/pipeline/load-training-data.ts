/**
 * The pipeline's own scored verbatims as training data for the embedded domain model:
 * the NPS of a response labels its verbatim (0-6 negative, 7-8 neutral, 9-10 positive).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SentimentLabel } from '../classifier-types.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import type { TrainingData } from '../registry.ts';

export async function loadTrainingData(conn: DuckDBConnection, maxRows = 50_000): Promise<TrainingData> {
  const rows = await querySqlFile(conn, 'classify/select-scored-verbatims', { max_rows: maxRows });
  return { texts: rows.map((r) => String(r.text)), labels: rows.map((r) => String(r.label) as SentimentLabel) };
}

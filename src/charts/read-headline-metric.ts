/**
 * The headline score of an open run, read from its metric cells the way the run summary reads it
 * (sql/metrics/select-headline-cells.sql → headlineMetricOf): NPS when the run has NPS answers, else
 * CSAT, else CES; NPS when the run has no metric cells or no score at all (its charts are then omitted
 * with their reasons).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../db/sql-file.ts';
import { headlineMetricOf, type HeadlineMetric } from '../analyze/metrics/headline-metric.ts';

export async function readHeadlineMetric(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<HeadlineMetric> {
  if (!tables.has('metric_cells')) return 'nps';
  const rows = (await conn.runAndReadAll(sqlFile('metrics/select-headline-cells'))).getRowObjectsJson();
  const cell = (metric: HeadlineMetric): { n: number } | null => {
    const r = rows.find((x) => x.metric === metric);
    return r === undefined ? null : { n: Number(r.n) };
  };
  return headlineMetricOf({ nps: cell('nps'), csat: cell('csat'), ces: cell('ces') }) ?? 'nps';
}

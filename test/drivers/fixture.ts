/**
 * Small hand-made data sets for driver tests: rows are written to a JSON file and inserted BY NAME
 * into ecoute's canonical tables (plus theme_mentions), so each test states only the columns it needs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../../src/db/sql-file.ts';

type Value = string | number | boolean | null;
export type FixtureRow = Record<string, Value>;

export interface FixtureData {
  readonly accounts?: readonly FixtureRow[];
  readonly responses?: readonly FixtureRow[];
  readonly ratings?: readonly FixtureRow[];
  readonly revenue?: readonly FixtureRow[];
  readonly churn?: readonly FixtureRow[];
  /** theme_mentions rows (response_id, theme_id, sentiment_label); undefined = no theme_mentions table */
  readonly mentions?: readonly FixtureRow[];
}

const TABLES = { accounts: 'accounts', responses: 'responses', ratings: 'response_ratings', revenue: 'revenue', churn: 'churn_events' } as const;

export async function loadFixture(conn: DuckDBConnection, data: FixtureData): Promise<void> {
  await runSqlFile(conn, 'ingest/create-canonical-tables');
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-drivers-fixture-'));
  try {
    for (const [key, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      const rows = data[key];
      if (!rows || rows.length === 0) continue;
      const file = join(dir, `${key}.json`);
      writeFileSync(file, JSON.stringify(rows));
      await conn.run(`INSERT INTO ${table} BY NAME SELECT * FROM read_json($f, format = 'array')`, { f: file });
    }
    if (data.mentions) {
      await conn.run('CREATE OR REPLACE TABLE theme_mentions (response_id VARCHAR, theme_id VARCHAR, sentiment_label VARCHAR, polarity DOUBLE)');
      if (data.mentions.length > 0) {
        const file = join(dir, 'mentions.json');
        writeFileSync(file, JSON.stringify(data.mentions));
        await conn.run('INSERT INTO theme_mentions BY NAME SELECT * FROM read_json($f, format = \'array\')', { f: file });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 'YYYY-MM-DD HH:MM:SS' `days` after 2025-01-01 (UTC). */
export function day(days: number, hour = 9): string {
  const d = new Date(Date.UTC(2025, 0, 1, hour) + days * 86_400_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export const nps = (score: number): 'promoter' | 'passive' | 'detractor' => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

export function npsOf(scores: readonly number[]): number {
  if (scores.length === 0) return Number.NaN;
  return (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
}

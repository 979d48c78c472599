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
  /** (response_id, attribute, rating) rows, written into responses.ratings */
  readonly ratings?: readonly FixtureRow[];
  readonly revenue?: readonly FixtureRow[];
  readonly churn?: readonly FixtureRow[];
  /** theme_mentions rows (response_id, theme_id, sentiment_label); undefined = no theme_mentions table */
  readonly mentions?: readonly FixtureRow[];
}

const TABLES = { accounts: 'accounts', responses: 'responses', revenue: 'revenue', churn: 'churn_events' } as const;

/**
 * Rating rows (response_id, attribute, rating; rating may be 'NaN') become responses.ratings, the attributes
 * numbered in order of first appearance in rating_attributes: what ingest writes, read back by the view
 * response_ratings. A response rating one attribute twice cannot be stored, so it is a fixture error.
 */
async function loadRatings(conn: DuckDBConnection, file: string): Promise<void> {
  await conn.run("CREATE OR REPLACE TEMP TABLE fixture_ratings AS SELECT response_id::VARCHAR AS response_id, attribute::VARCHAR AS attribute, rating::DOUBLE AS rating, row_number() OVER () AS seq FROM read_json($f, format = 'array')", { f: file });
  const twice = (await conn.runAndReadAll('SELECT response_id, attribute FROM fixture_ratings GROUP BY ALL HAVING count(*) > 1')).getRows();
  if (twice.length > 0) throw new Error(`fixture: ${twice.map((r) => `${String(r[0])} rates ${String(r[1])} twice`).join(', ')}`);
  await conn.run('INSERT INTO rating_attributes SELECT row_number() OVER (ORDER BY first_seq)::INTEGER, attribute FROM (SELECT attribute, min(seq) AS first_seq FROM fixture_ratings GROUP BY attribute)');
  await conn.run(`UPDATE responses SET ratings = l.ratings
    FROM (SELECT r.response_id, list(f.rating ORDER BY a.position) AS ratings
          FROM (SELECT DISTINCT response_id FROM fixture_ratings) r
          CROSS JOIN rating_attributes a
          LEFT JOIN fixture_ratings f ON f.response_id = r.response_id AND f.attribute = a.attribute
          GROUP BY r.response_id) l
    WHERE responses.response_id = l.response_id`);
  await conn.run('DROP TABLE fixture_ratings');
}

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
    if (data.ratings && data.ratings.length > 0) {
      const file = join(dir, 'ratings.json');
      writeFileSync(file, JSON.stringify(data.ratings));
      await loadRatings(conn, file);
    }
    if (data.mentions) {
      await conn.run('CREATE OR REPLACE TABLE theme_mentions (response_id VARCHAR, theme_id VARCHAR, sentiment_label VARCHAR, polarity DOUBLE, clause_text VARCHAR, clause_start INTEGER DEFAULT 0, clause_end INTEGER, match_score DOUBLE DEFAULT 1.0, match_source VARCHAR DEFAULT \'keyword\', match_evidence VARCHAR)');
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

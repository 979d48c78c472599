/**
 * Small in-memory fixtures for the metric tests: canonical tables created by the ingest SQL,
 * rows inserted with bound parameters.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { settingsSchema, type Settings } from '../../src/config/pipeline-schema.ts';

export interface ResponseFixture {
  id?: string;
  contact?: string | null;
  account?: string | null;
  at: string;
  type?: 'relational' | 'transactional' | 'employee' | null;
  channel?: string | null;
  journey?: string | null;
  touchpoint?: string | null;
  nps?: number | null;
  csat?: number | null;
  ces?: number | null;
}

export async function openFixtureDatabase(): Promise<Database> {
  const db = await openDatabase();
  await runSqlFile(db.connection, 'ingest/create-canonical-tables');
  return db;
}

export function fixtureSettings(overrides: Record<string, unknown> = {}): Settings {
  return settingsSchema.parse({ min_n: 5, periods: ['month'], ...overrides });
}

let nextId = 0;

export async function insertResponses(conn: DuckDBConnection, rows: readonly ResponseFixture[]): Promise<void> {
  for (const r of rows) {
    await conn.run(
      `INSERT INTO responses (response_id, contact_id, account_id, submitted_at, survey_type, channel, journey_stage, touchpoint, nps, csat, ces)
       VALUES ($id, $contact, $account, $at::TIMESTAMP, $type, $channel, $journey, $touchpoint, $nps::INTEGER, $csat::INTEGER, $ces::INTEGER)`,
      {
        id: r.id ?? `r${nextId++}`,
        contact: r.contact ?? null,
        account: r.account ?? null,
        at: r.at,
        type: r.type === undefined ? 'relational' : r.type,
        channel: r.channel ?? null,
        journey: r.journey ?? null,
        touchpoint: r.touchpoint ?? null,
        nps: r.nps ?? null,
        csat: r.csat ?? null,
        ces: r.ces ?? null,
      },
    );
  }
}

/** Responses with the given NPS scores, all at `at`, plus any other fields. */
export function npsResponses(scores: readonly number[], base: Omit<ResponseFixture, 'nps'>): ResponseFixture[] {
  return scores.map((nps) => ({ ...base, nps }));
}

/** `count` copies of each score: repeat({10: 50, 7: 30, 3: 20}) → 100 scores. */
export function repeatScores(counts: Record<number, number>): number[] {
  return Object.entries(counts).flatMap(([score, n]) => Array.from({ length: n }, () => Number(score)));
}

export async function insertAccount(conn: DuckDBConnection, id: string, segment: string | null, region: string | null = null, owner: string | null = null): Promise<void> {
  await conn.run('INSERT INTO accounts (account_id, name, segment, region, owner) VALUES ($id, $id, $segment, $region, $owner)', {
    id,
    segment,
    region,
    owner,
  });
}

export async function insertContact(conn: DuckDBConnection, id: string, account: string | null, role: string | null): Promise<void> {
  await conn.run('INSERT INTO contacts (contact_id, account_id, role) VALUES ($id, $account, $role)', { id, account, role });
}

export async function insertInvitation(
  conn: DuckDBConnection,
  inv: { id?: string | null; contact?: string | null; account?: string | null; at: string },
): Promise<void> {
  await conn.run('INSERT INTO invitations (invitation_id, contact_id, account_id, invited_at) VALUES ($id, $contact, $account, $at::TIMESTAMP)', {
    id: inv.id ?? null,
    contact: inv.contact ?? null,
    account: inv.account ?? null,
    at: inv.at,
  });
}

export async function selectRows(conn: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** The single metric_cells row for a key; fails loudly when absent or duplicated. */
export async function cell(
  conn: DuckDBConnection,
  key: { metric: string; grain?: string; period?: string | null; dimension?: string; value?: string },
): Promise<Record<string, unknown>> {
  const rows = await selectRows(
    conn,
    `SELECT * FROM metric_cells WHERE metric = $metric AND grain = $grain AND dimension = $dimension
       AND dimension_value = $value AND period IS NOT DISTINCT FROM $period::DATE`,
    {
      metric: key.metric,
      grain: key.grain ?? 'all',
      dimension: key.dimension ?? 'overall',
      value: key.value ?? 'all',
      period: key.period ?? null,
    },
  );
  if (rows.length !== 1) throw new Error(`expected one metric cell for ${JSON.stringify(key)}, got ${rows.length}`);
  return rows[0];
}

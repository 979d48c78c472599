/**
 * The `callbacks:` settings (issue 11.5): the defaults give the list ecoute always wrote, a custom rule
 * (csat_max, min_arr, within_hours 24, a fixed assignee) and a CSAT-only rule change it as computed by
 * hand on a small DuckDB fixture, and bad values are refused with their path in the pipeline file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { canonicalDatabase } from '../support/canonical-database.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { buildCallbackList, type CallbackRow } from '../../src/report/callback/callback-list.ts';
import { callbackConfigSchema, DEFAULT_CALLBACK_SETTINGS } from '../../src/report/callback/callback-config-schema.ts';
import { callbackCsv } from '../../src/report/callback/callback-csv.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';

const AS_OF = '2026-11-01';

// account, submitted_at, survey type, nps, csat, verbatim
const RESPONSES: ReadonlyArray<[string, string, string, string, number | null, number | null, string]> = [
  ['R1', 'A1', '2026-10-31 10:00:00', 'relational', 3, null, 'Call me on 06 12 34 56 78 please'],
  ['R2', 'A2', '2026-10-30 09:00:00', 'relational', 8, null, 'invoices are wrong'],
  ['R3', 'A2', '2026-10-30 12:00:00', 'relational', 7, null, 'support is nice'],
  ['R4', 'A3', '2026-10-29 08:00:00', 'transactional', null, 2, 'slow delivery'],
  ['R5', 'A1', '2026-10-10 08:00:00', 'relational', 1, null, 'too old for the window'],
  ['R6', 'A1', '2026-10-20 08:00:00', 'transactional', 9, 1, 'great people, broken portal'],
  ['R7', 'A2', '2026-10-31 23:00:00', 'relational', 5, 4, 'meh'],
  ['R8', 'A1', '2026-10-31 09:00:00', 'employee', 0, 1, 'an employee survey'],
  ['R9', 'A1', '2026-10-31 12:00:00', 'relational', 6, 3, 'fine'],
];

let db: Database;
let tables: Map<string, Set<string>>;

beforeAll(async () => {
  db = await canonicalDatabase();
  const conn = db.connection;
  await conn.run('CREATE TABLE theme_mentions (response_id VARCHAR, theme_id VARCHAR, sentiment_label VARCHAR)');
  await conn.run(`INSERT INTO accounts (account_id, name, segment, region, owner) VALUES
    ('A1', 'Acme', 'Enterprise', 'EMEA', 'Ana'), ('A2', 'Bolt', 'SMB', 'EMEA', 'Bo'), ('A3', 'Cora', 'SMB', 'NA', 'Cy')`);
  await conn.run(`INSERT INTO revenue (account_id, period, arr, currency) VALUES
    ('A1', '2026-01-01', 150000, 'EUR'), ('A1', '2026-10-01', 200000, 'EUR'), ('A2', '2026-10-01', 50000, 'EUR'), ('A2', '2026-12-01', 999999, 'EUR')`);
  for (const [id, account, at, type, nps, csat, verbatim] of RESPONSES) {
    await conn.run(
      'INSERT INTO responses (response_id, account_id, submitted_at, survey_type, nps, csat, verbatim) VALUES ($id, $account, $at::TIMESTAMP, $type, $nps::INTEGER, $csat::INTEGER, $verbatim)',
      { id, account, at, type, nps, csat, verbatim },
    );
  }
  await conn.run(`INSERT INTO theme_mentions VALUES ('R2', 'billing_errors', 'negative'), ('R2', 'support', 'positive'), ('R3', 'support', 'positive')`);
  tables = await listColumns(conn);
});

afterAll(() => db.close());

const pick = (rows: readonly CallbackRow[]): Array<[string, string, string, string | null, string[]]> =>
  rows.map((r) => [r.response_id, r.status, r.due_by, r.assignee, r.reasons]);

describe('callbacks: defaults', () => {
  it('are the list ecoute always wrote: 14 days, 48 hours, detractors and passives with a negative theme, the account owner', async () => {
    expect(DEFAULT_CALLBACK_SETTINGS).toEqual({
      within_hours: 48, window_days: 14, rule: { nps_max: 6, passives_with_negative_theme: true, csat_max: null, ces_max: null, ces_min: null, min_arr: 0 }, assign_to: 'owner',
    });
    const rows = await buildCallbackList(db.connection, tables, { asOf: AS_OF });
    // A1 (ARR 200 000) first, then A2 (50 000: its December ARR is after the run date); R3 is a passive without a
    // negative theme, R4 has no NPS, R5 is older than 14 days, R6 is a promoter, R8 an employee
    expect(pick(rows)).toEqual([
      ['R1', 'open', '2026-11-02T10:00:00Z', 'Ana', ['nps']],
      ['R9', 'open', '2026-11-02T12:00:00Z', 'Ana', ['nps']],
      ['R2', 'overdue', '2026-11-01T09:00:00Z', 'Bo', ['passive_negative_theme']],
      ['R7', 'open', '2026-11-02T23:00:00Z', 'Bo', ['nps']],
    ]);
    expect(rows.map((r) => r.arr_at_risk)).toEqual([200_000, 200_000, 50_000, 50_000]);
    expect(rows.map((r) => r.nps_category)).toEqual(['detractor', 'detractor', 'passive', 'detractor']);
    expect(rows[2]!.negative_themes).toEqual(['billing_errors']);
    expect(rows[0]!.verbatim).toBe('Call me on [phone] please');
    // the same list with the settings given explicitly
    expect(await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings: callbackConfigSchema.parse({}) })).toEqual(rows);
  });
});

describe('callbacks: a custom rule', () => {
  it('csat_max 2, min_arr 100 000, within_hours 24, assign_to "CX desk": CSAT call-backs join, small and unknown-ARR accounts leave', async () => {
    const settings = callbackConfigSchema.parse({ within_hours: 24, rule: { csat_max: 2, min_arr: 100_000 }, assign_to: 'CX desk' });
    const rows = await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings });
    // any rule: R1 R9 R7 (NPS), R2 (passive, negative theme), R4 R6 (CSAT <= 2); min_arr keeps A1 only (A3 has no ARR)
    expect(pick(rows)).toEqual([
      ['R6', 'overdue', '2026-10-21T08:00:00Z', 'CX desk', ['csat']],
      ['R1', 'overdue', '2026-11-01T10:00:00Z', 'CX desk', ['nps']],
      ['R9', 'overdue', '2026-11-01T12:00:00Z', 'CX desk', ['nps']],
    ]);
    expect(rows[0]).toMatchObject({ nps: 9, nps_category: 'promoter', csat: 1, owner: 'Ana' });
    const csv = callbackCsv(rows).split('\r\n');
    expect(csv[0]).toContain(',owner,assignee,');
    expect(csv[0]).toContain(',csat,ces,reasons,');
    expect(csv[1]).toContain(',Ana,CX desk,');
  });

  it('a CSAT-only program: rows without NPS are call-backs, unknown ARR last', async () => {
    const settings = callbackConfigSchema.parse({ window_days: 30, rule: { nps_max: null, passives_with_negative_theme: false, csat_max: 2 } });
    const rows = await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings });
    expect(pick(rows)).toEqual([
      ['R6', 'overdue', '2026-10-22T08:00:00Z', 'Ana', ['csat']],
      ['R4', 'overdue', '2026-10-31T08:00:00Z', 'Cy', ['csat']],
    ]);
    expect(rows[1]).toMatchObject({ nps: null, nps_category: null, csat: 2, arr: null, arr_at_risk: null, arr_at_risk_source: 'none', arr_band: 'unknown' });
  });

  it('window_days and nps_max move the list: 30 days takes R5 in, nps_max 3 leaves R7 and R9 out', async () => {
    const rows = await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings: callbackConfigSchema.parse({ window_days: 30, rule: { nps_max: 3 } }) });
    expect(rows.map((r) => r.response_id)).toEqual(['R5', 'R1', 'R2']);
  });
});

describe('callbacks: bad values', () => {
  const PIPELINE = 'name: cb\nsources:\n  responses:\n    path: r.csv\n    columns: { response_id: id, submitted_at: at, nps: nps }\n';
  const problems = (section: string): string[] => parsePipelineText(`${PIPELINE}${section}`).problems.map((p) => `${p.path}: ${p.message}`);

  it('are refused with their path in the pipeline file', () => {
    expect(parsePipelineText(`${PIPELINE}callbacks: {}\n`).problems).toEqual([]);
    const all = problems('callbacks:\n  within_hours: 0\n  window_days: 2.5\n  rule:\n    nps_max: 11\n    csat_max: 0\n    min_arr: -1\n    passives_with_negative_theme: "yes"\n  assign_to: "  "\n  rota: weekly\n');
    expect(all).toEqual(expect.arrayContaining([
      expect.stringMatching(/^callbacks\.within_hours: expected a whole number of hours, 1 to 8760/),
      expect.stringMatching(/^callbacks\.window_days: expected a whole number of days/),
      expect.stringMatching(/^callbacks\.rule\.nps_max: expected an NPS score 0-10/),
      expect.stringMatching(/^callbacks\.rule\.csat_max: expected a CSAT score 1-5/),
      expect.stringMatching(/^callbacks\.rule\.min_arr: expected an amount of ARR, 0 or more/),
      expect.stringMatching(/^callbacks\.rule\.passives_with_negative_theme: expected true or false/),
      expect.stringMatching(/^callbacks\.assign_to: expected owner, or a team or person name/),
      expect.stringMatching(/^callbacks.*rota/),
    ]));
  });
});

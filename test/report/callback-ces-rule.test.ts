/**
 * The CES call-back rule (issue 11.4: the call-back rule of a CES-only program): ces_max on an ease scale
 * (ces_direction: higher_is_easier), ces_min on an effort scale; the other is refused with its path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { canonicalDatabase } from '../support/canonical-database.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { buildCallbackList } from '../../src/report/callback/callback-list.ts';
import { callbackConfigSchema } from '../../src/report/callback/callback-config-schema.ts';
import { CALLBACK_COLUMNS, callbackCsv } from '../../src/report/callback/callback-csv.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';

const AS_OF = '2026-11-01';
// response, submitted_at, nps, ces
const RESPONSES: ReadonlyArray<[string, string, number | null, number | null]> = [
  ['R1', '2026-10-31 10:00:00', null, 1],
  ['R2', '2026-10-30 10:00:00', null, 2],
  ['R3', '2026-10-29 10:00:00', null, 6],
  ['R4', '2026-10-28 10:00:00', null, 7],
  ['R5', '2026-10-27 10:00:00', 3, null],
  ['R6', '2026-10-26 10:00:00', null, 4],
];

let db: Database;
let tables: Map<string, Set<string>>;

beforeAll(async () => {
  db = await canonicalDatabase();
  const conn = db.connection;
  await conn.run("INSERT INTO accounts (account_id, name, segment, region, owner) VALUES ('A1', 'Acme', 'SMB', 'EMEA', 'Ana')");
  for (const [id, at, nps, ces] of RESPONSES) {
    await conn.run(
      "INSERT INTO responses (response_id, account_id, submitted_at, survey_type, nps, ces, verbatim) VALUES ($id, 'A1', $at::TIMESTAMP, 'transactional', $nps::INTEGER, $ces::INTEGER, 'too many steps')",
      { id, at, nps, ces },
    );
  }
  tables = await listColumns(conn);
});

afterAll(() => db.close());

const listed = async (rule: Record<string, unknown>): Promise<Array<[string, number | null, string[]]>> =>
  (await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings: callbackConfigSchema.parse({ rule: { nps_max: null, passives_with_negative_theme: false, ...rule } }) }))
    .map((r) => [r.response_id, r.ces, r.reasons]);

describe('callbacks: the CES rule', () => {
  it('ces_max (an ease scale) calls back the low answers, ces_min (an effort scale) the high ones; NPS alone is off here', async () => {
    expect((await listed({ ces_max: 2 })).sort()).toEqual([['R1', 1, ['ces']], ['R2', 2, ['ces']]]);
    expect((await listed({ ces_min: 6 })).sort()).toEqual([['R3', 6, ['ces']], ['R4', 7, ['ces']]]);
    expect(await listed({})).toEqual([]);
  });

  it('the list carries the CES answer, in the CSV too', async () => {
    const rows = await buildCallbackList(db.connection, tables, { asOf: AS_OF, settings: callbackConfigSchema.parse({ rule: { ces_max: 1 } }) });
    expect(rows.map((r) => [r.response_id, r.reasons]).sort()).toEqual([['R1', ['ces']], ['R5', ['nps']]]);
    const ces = rows.filter((r) => r.response_id === 'R1');
    const [header, first] = callbackCsv(ces).split('\r\n');
    expect(header!.split(',')).toEqual([...CALLBACK_COLUMNS]);
    expect(first!.split(',')[CALLBACK_COLUMNS.indexOf('ces')]).toBe('1');
  });

  it('the threshold of the other direction is refused with its path', () => {
    const pipeline = (direction: string, rule: string): string[] =>
      parsePipelineText(`name: cb\nsources:\n  responses:\n    path: r.csv\n    ces_direction: ${direction}\n    columns: { response_id: id, submitted_at: at, ces: ces }\ncallbacks:\n  rule: ${rule}\n`).problems.map((p) => `${p.path}: ${p.message}`);
    expect(pipeline('higher_is_easier', '{ ces_max: 2 }')).toEqual([]);
    expect(pipeline('lower_is_easier', '{ ces_min: 6 }')).toEqual([]);
    expect(pipeline('higher_is_easier', '{ ces_min: 6 }')).toEqual([expect.stringMatching(/^callbacks\.rule\.ces_min: this program's CES is an ease scale \(ces_direction: higher_is_easier\): call back the low answers with ces_max/)]);
    expect(pipeline('lower_is_easier', '{ ces_max: 2 }')).toEqual([expect.stringMatching(/^callbacks\.rule\.ces_max: this program's CES is an effort scale/)]);
    expect(pipeline('higher_is_easier', '{ ces_max: 8 }')).toEqual([expect.stringMatching(/^callbacks\.rule\.ces_max: expected a CES answer 1-7/)]);
  });
});

/**
 * dashboard/verbatims.js streamed from DuckDB (writeExplorerScript) is byte for byte what the in-memory
 * explorer gives (verbatimsScript(buildExplorerColumns(every verbatim, every mention))): more verbatims than a
 * DuckDB chunk (2,048 rows) and scratch files read a few bytes at a time, so every join of chunks is crossed;
 * PII, quotes, commas and accents in the texts; several mentions a verbatim (ties on the clause start), a
 * mention of a response that is no verbatim, verbatims without a mention, responses after the as-of date or without text left out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { buildExplorerColumns, type ExplorerMentionRow, type ExplorerVerbatimRow } from '../../src/report/explorer/explorer-columns.ts';
import { EXPLORER_ARR_BANDS, writeExplorerScript } from '../../src/report/explorer/write-explorer-script.ts';
import { verbatimsScript } from '../../src/report/dashboard/dashboard-page.ts';

const SETUP = [
  `CREATE TABLE accounts AS SELECT 'A' || i AS account_id, ['SMB', 'Enterprise', 'Mid-market'][1 + i % 3] AS segment,
     ['EMEA', 'AMER', NULL][1 + i % 3] AS region, ['Zoé', 'Ana', 'Émile', 'bob'][1 + i % 4] AS owner FROM range(40) t(i)`,
  `CREATE TABLE revenue AS SELECT 'A' || i AS account_id, DATE '2026-01-01' + INTERVAL (m) MONTH AS period, (i * 7919 + m * 1000) % 700000 + 0.4 AS arr
     FROM range(40) t(i), range(3) u(m) WHERE i % 9 <> 0`,
  `CREATE TABLE responses AS SELECT 'R' || lpad(i::VARCHAR, 5, '0') AS response_id, TIMESTAMP '2026-10-01 08:00:00' + INTERVAL (i % 45) DAY AS submitted_at,
     CASE WHEN i % 11 = 0 THEN NULL ELSE i % 11 END AS nps, CASE WHEN i % 3 = 0 THEN i % 5 + 1 END AS csat, NULL::INTEGER AS ces,
     CASE WHEN i % 13 = 0 THEN 'A-UNKNOWN' ELSE 'A' || (i % 40) END AS account_id,
     ['onboarding', 'renewal', NULL][1 + i % 3] AS journey_stage, 'Email' AS touchpoint, 'relational' AS survey_type, ['fr', 'en'][1 + i % 2] AS language,
     CASE WHEN i % 17 = 0 THEN '  ' WHEN i % 2 = 0 THEN 'Écrivez à client' || i || '@example.fr, la facture "' || i || '" est fausse, délai trop long'
          ELSE 'Support rapide, merci; call +33 6 12 34 56 ' || lpad((i % 100)::VARCHAR, 2, '0') END AS verbatim
   FROM range(3600) t(i)`,
  `CREATE TABLE theme_mentions AS
   SELECT response_id, 'billing' AS theme_id, 'la facture "' || substr(response_id, 2)::INTEGER || '" est fausse' AS clause_text, 40 AS clause_start, 70 AS clause_end,
          'keyword' AS match_source, 'facture' AS match_evidence, 'negative' AS sentiment_label, 'embedded' AS engine
   FROM responses WHERE verbatim LIKE 'Écrivez%'
   UNION ALL SELECT response_id, 'delivery', 'délai trop long', 40, 55, NULL, NULL, NULL, 'embedded' FROM responses WHERE verbatim LIKE 'Écrivez%' AND substr(response_id, 2)::INTEGER % 4 = 0
   UNION ALL SELECT response_id, 'support', 'Support rapide', 0, 14, 'model', '0.81', 'positive', 'embedded' FROM responses WHERE verbatim LIKE 'Support%' AND substr(response_id, 2)::INTEGER % 5 <> 0
   UNION ALL SELECT 'R-NOT-A-VERBATIM', 'zz_orphan', 'x', 0, 1, 'label', NULL, 'negative', 'embedded'`,
];

let db: Database;
let dir: string;
beforeEach(async () => {
  db = await openDatabase();
  dir = mkdtempSync(join(tmpdir(), 'ecoute-explorer-'));
  for (const s of SETUP) await db.connection.run(s);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The explorer as it was read before streaming: every verbatim and every mention in memory. */
async function inMemoryScript(asOf: string, withMentions: boolean): Promise<string> {
  await runSqlFile(db.connection, 'report/create-explorer-verbatims-macro');
  const rows = (await db.connection.runAndReadAll('SELECT * EXCLUDE (submitted_at) FROM explorer_verbatims($as_of) ORDER BY submitted_at DESC, response_id', { as_of: asOf })).getRowObjectsJson();
  const mentions = withMentions ? (await db.connection.runAndReadAll('SELECT * FROM theme_mentions ORDER BY response_id, clause_start, theme_id, clause_end')).getRowObjectsJson() : [];
  const num = (v: unknown): number | null => (v === null ? null : Number(v));
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const verbatims: ExplorerVerbatimRow[] = rows.map((r) => ({
    response_id: String(r.response_id), day: String(r.day), nps: num(r.nps), csat: num(r.csat), ces: num(r.ces), segment: String(r.segment), region: String(r.region),
    owner: String(r.owner), journey_stage: String(r.journey_stage), touchpoint: String(r.touchpoint), survey_type: String(r.survey_type), language: String(r.language),
    arr: num(r.arr), verbatim: String(r.verbatim),
  }));
  const ms: ExplorerMentionRow[] = mentions.map((m) => ({
    response_id: String(m.response_id), theme_id: String(m.theme_id), sentiment_label: str(m.sentiment_label), clause_text: str(m.clause_text),
    clause_start: num(m.clause_start), match_source: str(m.match_source), match_evidence: str(m.match_evidence), engine: str(m.engine),
  }));
  return verbatimsScript(buildExplorerColumns(verbatims, ms, { arrBands: EXPLORER_ARR_BANDS }));
}

const tablesOf = (names: string[]): Map<string, Set<string>> => new Map(names.map((n) => [n, new Set<string>()]));

describe('writeExplorerScript', () => {
  it('streams the very bytes of the in-memory explorer, across DuckDB chunks and scratch-file reads', async () => {
    const path = join(dir, 'dashboard', 'verbatims.js');
    const r = await writeExplorerScript(db.connection, tablesOf(['responses', 'theme_mentions']), path, { asOf: '2026-11-01', chunkBytes: 7 });
    const expected = await inMemoryScript('2026-11-01', true);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    // responses after the as-of date (up to 2026-11-14) and blank texts are not verbatims of the explorer
    expect(r.n).toBeGreaterThan(2048);
    expect(r.n).toBeLessThan(3600);
    expect(r.themes).toEqual(['billing', 'delivery', 'support', 'zz_orphan']);
    expect(expected).not.toContain('@example.fr');
    expect(expected).toContain('[email]');
    // the default chunk gives the same file
    const again = join(dir, 'again.js');
    await writeExplorerScript(db.connection, tablesOf(['responses', 'theme_mentions']), again, { asOf: '2026-11-01' });
    expect(readFileSync(again, 'utf8')).toBe(expected);
  });

  it('without theme_mentions: verbatims without mentions; without responses: none', async () => {
    const path = join(dir, 'verbatims.js');
    await writeExplorerScript(db.connection, tablesOf(['responses']), path, { asOf: '2026-10-20', chunkBytes: 5 });
    expect(readFileSync(path, 'utf8')).toBe(await inMemoryScript('2026-10-20', false));
    const none = await writeExplorerScript(db.connection, tablesOf([]), path, { asOf: '2026-10-20' });
    expect(none).toEqual({ n: 0, themes: [] });
    expect(readFileSync(path, 'utf8')).toBe(verbatimsScript(buildExplorerColumns([], [], { arrBands: EXPLORER_ARR_BANDS })));
  });
});

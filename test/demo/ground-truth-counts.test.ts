import { readFileSync } from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { createDemoFixture, parseFrenchDateTime, RATING_HEADERS, type DemoFixture } from './demo-fixture.ts';

let demo: DemoFixture;
beforeAll(async () => {
  demo = await createDemoFixture(2024, 0.15);
}, 120_000);
afterAll(() => demo?.cleanup());

const isInteger = (s: string): boolean => /^-?\d+$/.test(s);

describe('ground-truth.json matches the files', () => {
  it('row counts of the summary and ground truth are the data rows in each file', () => {
    // followups.csv is written last, from the other files, and described by followups-ground-truth.json
    expect(demo.truth.files).toEqual(demo.summary.files.filter((f) => f.name !== 'followups.csv'));
    const followups = JSON.parse(readFileSync(join(demo.dir, 'followups-ground-truth.json'), 'utf8')) as { counts: { called: number; inTime: number; late: number } };
    expect(demo.read('followups.csv').length).toBe(followups.counts.called);
    expect(followups.counts.inTime + followups.counts.late).toBe(followups.counts.called);
    for (const f of demo.summary.files) expect(demo.read(f.name).length, f.name).toBe(f.rows);
    const responseRows = demo.responses().length;
    expect(demo.truth.counts.response_rows).toBe(responseRows);
    expect(demo.truth.counts.accounts).toBe(demo.read('accounts.csv').length);
    expect(demo.truth.counts.contacts).toBe(demo.read('contacts.csv').length);
    expect(demo.truth.counts.invitations).toBe(demo.read('invitations.csv').length);
    expect(demo.truth.counts.truth_mentions).toBe(demo.read('truth-mentions.csv').length);
    expect(demo.truth.counts.truth_text_mentions).toBe(demo.read('truth-text-mentions.csv').length);
    const outcomes = demo.truth.counts.renewal_outcomes;
    expect(outcomes.churned + outcomes.renewed + outcomes.downgraded).toBe(demo.read('churn.csv').length);
  });

  it('every dirty-row location holds that defect, and recounting the defects gives the recorded counts', () => {
    const accounts = new Set(demo.read('accounts.csv').map((r) => r.values['Account ID']));
    const rows = demo.responses();
    const seen = new Set<string>();
    const counts = { nps_out_of_range: 0, nps_non_numeric: 0, unparseable_date: 0, unknown_account_id: 0, duplicate_response_id: 0, blank_response_id: 0 };
    const found = new Map<string, string>();
    for (const r of rows) {
      const v = r.values;
      const id = v['Response ID'] ?? '';
      const nps = v.NPS ?? '';
      let kind: keyof typeof counts | undefined;
      if (id === '') kind = 'blank_response_id';
      else if (seen.has(id)) kind = 'duplicate_response_id';
      else if (!isInteger(nps)) kind = 'nps_non_numeric';
      else if (Number(nps) < 0 || Number(nps) > 10) kind = 'nps_out_of_range';
      else if (parseFrenchDateTime(v.Submitted ?? '') === undefined) kind = 'unparseable_date';
      else if (!accounts.has(v['Account ID'])) kind = 'unknown_account_id';
      seen.add(id);
      if (kind !== undefined) {
        counts[kind]++;
        found.set(`${r.file}:${r.line}`, kind);
      }
    }
    const dq = demo.truth.data_quality;
    expect({ ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }).toEqual(dq.dirty_rows);
    expect(new Map(dq.dirty_row_locations.map((d) => [`${d.file}:${d.line}`, d.kind]))).toEqual(found);
    expect(dq.dirty_rows.total).toBeGreaterThan(0);
    // ~0.3% of rows, and every kind is present at this size
    expect(dq.dirty_rows.total / rows.length).toBeGreaterThan(0.0015);
    expect(dq.dirty_rows.total / rows.length).toBeLessThan(0.006);
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) expect(dq.dirty_rows[k], k).toBeGreaterThan(0);
  });

  it('speeders and straight-liners are exactly the recorded ids', () => {
    const speeders: string[] = [];
    const straight: string[] = [];
    for (const r of demo.responses()) {
      const id = r.values['Response ID'] ?? '';
      if (Number(r.values['Duration (s)']) < 15) speeders.push(id);
      const ratings = RATING_HEADERS.map((h) => r.values[h] ?? '').filter((x) => x !== '');
      if (ratings.length === 5 && new Set(ratings).size === 1) straight.push(id);
    }
    const dq = demo.truth.data_quality;
    expect(speeders.sort()).toEqual([...dq.speeders.response_ids].sort());
    expect(straight.sort()).toEqual([...dq.straight_liners.response_ids].sort());
    expect(dq.speeders.count).toBeGreaterThan(0);
    expect(dq.straight_liners.count).toBeGreaterThan(0);
  });

  it('truth mentions point at accepted responses that have a comment', () => {
    const dq = demo.truth.data_quality;
    const rejected = new Set([...dq.speeders.response_ids, ...dq.straight_liners.response_ids, ...dq.dirty_row_locations.filter((d) => d.kind !== 'duplicate_response_id').map((d) => d.response_id)]);
    // (the first copy of a duplicated response is accepted; only the repeat is dirty)
    const comments = new Map(demo.responses().map((r) => [r.values['Response ID'], r.values.Comment ?? '']));
    const bad = demo.read('truth-mentions.csv').filter((m) => {
      const id = m.values.response_id ?? '';
      return !comments.get(id) || rejected.has(id) || !['positive', 'negative'].includes(m.values.sentiment ?? '');
    });
    expect(bad).toEqual([]);
    expect(demo.truth.counts.accepted_responses).toBe(
      demo.truth.counts.response_rows - dq.dirty_rows.total - dq.speeders.count - dq.straight_liners.count,
    );
  });

  it('the text truth follows what each comment states: generic praise names no theme, "badly documented" names documentation', () => {
    const comments = new Map(demo.responses().map((r) => [r.values['Response ID'] ?? '', (r.values.Comment ?? '').toLowerCase()]));
    const stated = new Map<string, Set<string>>();
    for (const m of demo.read('truth-text-mentions.csv')) {
      const id = m.values.response_id ?? '';
      stated.set(id, (stated.get(id) ?? new Set()).add(m.values.theme_id ?? ''));
    }
    const experienced = new Set(demo.read('truth-mentions.csv').map((m) => `${m.values.response_id}|${m.values.theme_id}`));
    let generic = 0;
    let documented = 0;
    for (const [id, text] of comments) {
      const themes = stated.get(id) ?? new Set<string>();
      if (/^[^,]*,? ?(the product is great|le produit est bien)[.!]?( |$)/u.test(text) && !/ (and|but|mais|et|aussi|also) /u.test(text)) {
        generic++;
        expect(themes.has('ease_of_use'), `${id}: ${text}`).toBe(false);
      }
      if (/badly documented|mal document/u.test(text) && experienced.has(`${id}|integrations`)) {
        documented++;
        expect([...themes].sort(), `${id}: ${text}`).toEqual(expect.arrayContaining(['documentation', 'integrations']));
      }
    }
    expect(generic).toBeGreaterThan(0);
    expect(documented).toBeGreaterThan(0);
    // elsewhere the two truths agree: every stated (response, theme) not coming from a listed phrase was experienced
    const extra = demo.read('truth-text-mentions.csv').filter((m) => !experienced.has(`${m.values.response_id}|${m.values.theme_id}`));
    expect(extra.every((m) => m.values.theme_id === 'documentation')).toBe(true);
  });

  it('DuckDB reads the monthly exports with the pipeline date format, failing only on the planted bad dates', async () => {
    const db = await openDatabase();
    try {
      const reader = await db.connection.runAndReadAll(
        `SELECT count(*)::INTEGER AS n,
                count(*) FILTER (WHERE try_strptime("Submitted", '%d/%m/%Y %H:%M') IS NULL)::INTEGER AS bad
         FROM read_csv($glob, all_varchar = true, header = true)`,
        { glob: join(demo.dir, 'responses-*.csv') },
      );
      const [row] = reader.getRowObjectsJson() as { n: number; bad: number }[];
      expect(row?.n).toBe(demo.truth.counts.response_rows);
      expect(row?.bad).toBe(demo.truth.data_quality.dirty_rows.unparseable_date);
    } finally {
      db.close();
    }
  });
});

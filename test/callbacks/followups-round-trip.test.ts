/**
 * The followups source end to end (issue 11, item 5): a small generated run whose call-backs are followed up in
 * time, late, by account only, with an offset, or not at all; the loop figures (share in time overall and per
 * owner, median time to call back, overdue items) are computed here by hand from the generated rows and must
 * match callback-loop.json exactly. Bad follow-ups are quarantined with their reasons and the books balance; a
 * rerun of the same night gives byte-identical loop outputs; erasing a contact purges their follow-ups (notes
 * included) from the night and drops them at the next ingest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createFixture, csvText, defaultResponses, OPEN_GATES, queryOut, quarantined } from '../ingest/helpers.ts';
import { wilsonInterval } from '../../src/analyze/stats/proportion-lift.ts';
import { erasePerson } from '../../src/erase/erase-person.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';
import { formatRun } from '../../src/cli/format-run.ts';
import type { CallbackLoopFile } from '../../src/report/callback/callback-loop.ts';
import { toJsonText } from '../../src/report/atomic-write.ts';

const AS_OF = '2024-06-30';
const LOOP_SINCE = '2024-06-01';
const END_OF_AS_OF = Date.parse('2024-07-01T00:00:00Z');
const HOUR = 3_600_000;
const OWNERS = ['Ana', 'Bo', 'Cy'] as const;
const SEGMENTS = ['SMB', 'Enterprise'] as const;

/** How item i is followed up: none, in time, late, in time written with a +02:00 offset, or by its account only (late). */
type Plan = 'none' | 'in_time' | 'late' | 'offset' | 'account_only';
const PLANS: readonly Plan[] = ['none', 'in_time', 'late', 'offset', 'account_only'];

interface Item { id: string; contact: string; account: string; owner: string; segment: string; submitted: number; nps: number; plan: Plan; hours: number | null }

/** 30 detractors, one account each, every 13 hours up to the run date (the last ones not yet due), and 5 promoters. */
function generateItems(): Item[] {
  const start = Date.parse('2024-06-14T06:00:00Z');
  return Array.from({ length: 30 }, (_, i) => {
    const plan = PLANS[i % PLANS.length]!;
    const submitted = start + i * 13 * HOUR;
    const hours = plan === 'none' ? null : plan === 'late' || plan === 'account_only' ? 50 + i : 1 + (i % 7) * 5.5;
    // a follow-up after the run date is not in the export yet
    const known = hours !== null && submitted + hours * HOUR < END_OF_AS_OF ? hours : null;
    return { id: `R${String(i + 1).padStart(2, '0')}`, contact: `C${i + 1}`, account: `A${i + 1}`, owner: OWNERS[i % 3]!, segment: SEGMENTS[i % 2]!, submitted, nps: i % 7, plan, hours: known };
  });
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/** The same instant written in UTC+2. */
const withOffset = (ms: number): string => `${new Date(ms + 2 * HOUR).toISOString().slice(0, 19)}+02:00`;

function status(it: Item): string {
  if (it.hours !== null) return it.hours <= 48 ? 'called_in_time' : 'called_late';
  return it.submitted + 48 * HOUR < END_OF_AS_OF ? 'overdue' : 'open';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The figures of a group of items, by hand. */
function expected(items: readonly Item[]) {
  const st = items.map(status);
  const inTime = st.filter((s) => s === 'called_in_time').length;
  const n = st.filter((s) => s !== 'open').length;
  const ci = wilsonInterval(inTime, n);
  const hours = items.flatMap((i) => (i.hours === null ? [] : [i.hours]));
  return {
    n, inTime, late: st.filter((s) => s === 'called_late').length, overdue: st.filter((s) => s === 'overdue').length, open: st.filter((s) => s === 'open').length,
    share: Number((inTime / n).toFixed(6)), low: Number(ci.low.toFixed(6)), high: Number(ci.high.toFixed(6)),
    medianHours: Number(median(hours).toFixed(2)), called: hours.length,
  };
}

const BAD_ROWS: ReadonlyArray<[string, string[]]> = [
  ['unknown_response', ['R99', '', '2024-06-20 10:00:00', 'reached', 'who is this', 'Ana']],
  ['invalid_date', ['R02', '', 'yesterday', 'reached', '', 'Ana']],
  ['future_date', ['R02', '', '2024-07-05 10:00:00', 'reached', '', 'Ana']],
  ['invalid_value', ['R02', '', '2024-06-20 10:00:00', 'left a note', '', 'Ana']],
  ['called_before_response', ['R03', '', '2024-06-01 10:00:00', 'reached', '', 'Bo']],
  ['account_mismatch', ['R03', 'A7', '2024-06-16 10:00:00', 'reached', '', 'Bo']],
  ['missing_id', ['', '', '2024-06-16 10:00:00', 'reached', '', 'Bo']],
  ['unknown_account', ['', 'A404', '2024-06-16 10:00:00', 'reached', '', 'Bo']],
  ['missing_value', ['R03', '', '2024-06-16 11:00:00', '', '', 'Bo']],
];

function writeRun() {
  const f = createFixture();
  const items = generateItems();
  const promoters = [1, 2, 3, 4, 5].map((k) => [`P${k}`, `C${k}`, `A${k}`, iso(Date.parse('2024-06-20T10:00:00Z') + k * HOUR), '9', 'great']);
  f.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], ...items.map((i) => [i.id, i.contact, i.account, iso(i.submitted), String(i.nps), 'bad support']), ...promoters]));
  f.write('accounts.csv', csvText([['id', 'owner', 'segment'], ...items.map((i) => [i.account, i.owner, i.segment])]));
  const followups = items.flatMap((i) => {
    if (i.hours === null) return [];
    const at = i.submitted + i.hours * HOUR;
    const note = i.id === 'R02' ? 'Reached jane.doe@example.com and will send a credit note' : 'called';
    if (i.plan === 'account_only') return [['', i.account, iso(at), 'voicemail', note, i.owner]];
    return [[i.id, '', i.plan === 'offset' ? withOffset(at) : iso(at), i.plan === 'late' ? 'no answer' : 'Reached', note, i.owner]];
  });
  // the same call exported twice is kept once
  const duplicate = followups.find((r) => r[0] === 'R02')!;
  f.write('followups.csv', csvText([['response', 'account', 'called', 'outcome', 'notes', 'by'], ...followups, duplicate, ...BAD_ROWS.map(([, r]) => r)]));
  f.write('pipeline.yaml', stringify({
    name: 'loop',
    sources: {
      responses: defaultResponses(),
      accounts: { path: 'accounts.csv', columns: { account_id: 'id', owner: 'owner', segment: 'segment' } },
      followups: { path: 'followups.csv', date_formats: ['%Y-%m-%d %H:%M:%S'], columns: { response_id: 'response', account_id: 'account', called_at: 'called', outcome: 'outcome', notes: 'notes', called_by: 'by' } },
    },
    callbacks: { loop_since: LOOP_SINCE },
    settings: { gates: OPEN_GATES },
  }));
  return { f, items, followupRows: followups.length };
}

const fixture = writeRun();
afterAll(() => fixture.f.cleanup());
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('followups: a generated run', () => {
  it('computes the loop figures as counted by hand, quarantines bad rows with reasons, reruns byte-identically, erases follow-ups', async () => {
    const { f, items, followupRows } = fixture;
    const result = await f.run('out', AS_OF);
    const out = join(f.dir, 'out');
    const loop = readJson<CallbackLoopFile>(join(out, 'callback-loop.json'));
    // the overdue list is streamed into the file: its bytes are still those of JSON.stringify(…, null, 2), keys in the file's order
    const loopText = readFileSync(join(out, 'callback-loop.json'), 'utf8');
    expect(loopText).toBe(toJsonText(loop));
    expect(Object.keys(loop)).toEqual(['asOf', 'tracked', 'since', 'dueAfterHours', 'compliance', 'outcomes', 'overdue', 'effect']);

    // the plan covers every status
    expect(new Set(items.map(status))).toEqual(new Set(['called_in_time', 'called_late', 'overdue', 'open']));
    expect(loop.tracked).toBe(true);
    expect(loop.since).toBe(LOOP_SINCE);
    const tracked = items;
    const overall = expected(tracked);
    expect(loop.compliance?.overall).toEqual({ key: null, items: tracked.length, ...overall });
    for (const owner of OWNERS) {
      const mine = tracked.filter((i) => i.owner === owner);
      expect(loop.compliance?.byAssignee.find((s) => s.key === owner), owner).toEqual({ key: owner, items: mine.length, ...expected(mine) });
    }
    expect(loop.compliance?.bySegment.map((s) => s.key)).toEqual(['Enterprise', 'SMB']);
    // overdue: oldest first, overdue since the due date, whole days to the end of the run date
    const overdue = tracked.filter((i) => status(i) === 'overdue').sort((a, b) => a.submitted - b.submitted);
    expect(loop.overdue.map((o) => [o.response_id, o.due_by, o.days_overdue])).toEqual(
      overdue.map((i) => [i.id, `${new Date(i.submitted + 48 * HOUR).toISOString().slice(0, 19)}Z`, Math.floor((END_OF_AS_OF - i.submitted - 48 * HOUR) / (24 * HOUR))]),
    );
    expect(overall.overdue).toBeGreaterThan(0);
    // the CLI's one line
    expect(formatRun(result)).toContain(`Closed loop: ${(overall.share * 100).toFixed(1)} % of due call-backs made in time`);
    expect(formatRun(result)).toContain(`· ${overall.overdue} overdue · median ${overall.medianHours.toFixed(1)} h to call back`);

    // the call-back list (last 14 days) carries each item's status; its CSV has the column, the notes redacted
    const list = readJson<{ rows: Array<{ response_id: string; status: string; call_notes: string | null }> }>(join(out, 'callback-list.json'));
    for (const r of list.rows) expect(r.status, r.response_id).toBe(status(items.find((i) => i.id === r.response_id)!));
    const csv = readFileSync(join(out, 'callback-list.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^due_by,status,.*,verbatim,called_at,hours_to_call,call_outcome,called_by,call_notes$/);
    expect(JSON.stringify(list)).not.toContain('jane.doe@example.com');
    // the report and the dashboard show the loop
    expect(readFileSync(join(out, 'report', 'report-en.md'), 'utf8')).toContain('## Closed loop');
    expect(readFileSync(join(out, 'dashboard', 'index.html'), 'utf8')).toContain('<section class="panel" id="loop"></section>');

    // bad rows: quarantined with their reasons, the books balance
    const q = await quarantined(out, 'followups');
    expect(q.map((r) => r.reason).sort()).toEqual([...BAD_ROWS.map(([reason]) => reason), 'duplicate_id'].sort());
    const rec = (await queryOut(out, "SELECT rows_read, rows_accepted, rows_quarantined FROM reconciliation WHERE source = 'followups'"))[0]!;
    expect(rec).toEqual({ rows_read: String(followupRows + 1 + BAD_ROWS.length), rows_accepted: String(followupRows), rows_quarantined: String(BAD_ROWS.length + 1) });
    // an offset is converted to UTC
    const offsetItem = items.find((i) => i.plan === 'offset' && i.hours !== null)!;
    const called = await queryOut(out, "SELECT strftime(called_at, '%Y-%m-%d %H:%M:%S') AS at FROM followups WHERE response_id = $id", { id: offsetItem.id });
    expect(called).toEqual([{ at: iso(offsetItem.submitted + offsetItem.hours! * HOUR) }]);

    // a rerun of the same night: byte-identical loop outputs
    await f.run('rerun', AS_OF);
    const rerun = join(f.dir, 'rerun');
    for (const file of ['callback-loop.json', 'callback-list.json', 'callback-list.csv']) {
      expect(readFileSync(join(rerun, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }

    // erasure by contact: R02's follow-up (its notes carry an email) and the quarantined rows that name R02 go
    await erasePerson({ pipelineFile: f.pipelineFile, outDir: out, kind: 'contact', id: 'C2', by: 'dpo', at: '2024-07-01T00:00:00.000Z' });
    expect(await queryOut(out, "SELECT count(*)::INTEGER AS n FROM followups WHERE response_id = 'R02' OR notes LIKE '%jane.doe%'")).toEqual([{ n: 0 }]);
    expect((await quarantined(out, 'followups')).map((r) => r.reason).sort()).toEqual(
      BAD_ROWS.filter(([, r]) => r[0] !== 'R02').map(([reason]) => reason).sort(),
    );
    const night = join(out, 'runs', readdirSync(join(out, 'runs')).sort()[0]!);
    expect(readFileSync(join(night, 'ecoute.duckdb')).includes('jane.doe')).toBe(false);
    expect(readJson<CallbackLoopFile>(join(night, 'callback-loop.json')).compliance?.overall.items).toBe(tracked.length - 1);
    // and the next ingest drops them, counted as erased
    await f.run('out', '2024-07-01');
    const after = (await queryOut(out, "SELECT rows_read, rows_accepted, rows_quarantined, rows_erased FROM reconciliation WHERE source = 'followups'"))[0]!;
    expect(Number(after.rows_erased)).toBe(1 + 1 + BAD_ROWS.filter(([, r]) => r[0] === 'R02').length);
    expect(Number(after.rows_read)).toBe(Number(after.rows_accepted) + Number(after.rows_quarantined) + Number(after.rows_erased));
  }, 240_000);

  it('refuses a followups source that maps neither response_id nor account_id, naming the path', () => {
    const parsed = parsePipelineText('name: x\nsources:\n  responses: { path: r.csv, columns: { response_id: id, submitted_at: d } }\n  followups: { path: f.csv, columns: { called_at: c, outcome: o } }\n');
    expect(parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringContaining('sources.followups.columns.response_id: map response_id or account_id')]);
  });
});

/**
 * Quality gates through the CLI: each threshold stops the run with exit code 3, names source, figure and
 * threshold, leaves the previous run's outputs byte-identical and keeps the failed run in failed/<run-id>/.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { evaluateGates } from '../../src/validate/evaluate-gates.ts';
import { gatesSchema } from '../../src/config/pipeline-schema.ts';
import { createFixture, csvText, responsesCsv, type Fixture } from '../ingest/helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

function good(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [`r${i + 1}`, `c${i + 1}`, 'a1', '2024-05-01', String(i % 11), '']);
}

/** Every file under a folder with its bytes, except what a gated run adds: failed/ and the run log. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (relative(dir, p) === 'failed' || name === 'history.jsonl') continue;
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return files;
}

/** `errors`: what stderr says, and with --json the message of the JSON error on stdout. */
async function cli(args: string[]): Promise<{ code: number; errors: string }> {
  let errors = '';
  let stdout = '';
  const code = await main(['node', 'ecoute', ...args], { write: (t) => void (stdout += t) }, (t) => void (errors += t));
  const json = stdout.trimStart().startsWith('{') ? (JSON.parse(stdout) as { error?: { message: string } }) : undefined;
  return { code, errors: errors + (json?.error?.message ?? '') };
}

/** The folder a gated run of `asOf` was kept in: failed/<run-id>, the run id starting with the as-of date. */
function keptRun(asOf: string): string {
  const failed = join(fx.dir, 'out', 'failed');
  const names = readdirSync(failed).filter((n) => n.startsWith(`${asOf}-`));
  expect(names).toHaveLength(1);
  return join(failed, names[0]!);
}

const run = (asOf: string): Promise<{ code: number; errors: string }> => cli(['run', fx.pipelineFile, '--out', join(fx.dir, 'out'), '--as-of', asOf, '--json']);

describe('quality gates', () => {
  it('evaluateGates: safe defaults, per-source thresholds, row change against the previous run', () => {
    const rec = (read: number, accepted: number) => ({ source: 'responses' as const, files: 1, rowsRead: read, rowsAccepted: accepted, rowsQuarantined: read - accepted, rowsErased: 0 });
    const defaults = gatesSchema.parse({});
    // 6 of 10 quarantined: 0.6 > 0.5
    expect(evaluateGates([rec(10, 4)], undefined, defaults, ['responses']).map((g) => [g.gate, g.figure, g.threshold, g.passed])).toEqual([
      ['min_accepted_rows', 4, 1, true],
      ['max_quarantined_share', 0.6, 0.5, false],
    ]);
    // an empty required source fails; an empty optional one is not judged
    expect(evaluateGates([rec(0, 0)], undefined, defaults, ['responses']).map((g) => g.passed)).toEqual([false]);
    expect(evaluateGates([rec(0, 0)], undefined, gatesSchema.parse({ required_sources: [] }), ['responses'])).toEqual([]);
    const strict = gatesSchema.parse({ max_row_change: 0.5, sources: { responses: { max_quarantined_share: 0.05, min_accepted_rows: 100 } } });
    // 120 read vs 60 before: change 1.0 > 0.5; 20/120 quarantined > 0.05; 100 accepted >= 100
    expect(evaluateGates([rec(120, 100)], { responses: 60 }, strict, ['responses']).map((g) => [g.gate, g.figure, g.passed])).toEqual([
      ['min_accepted_rows', 100, true],
      ['max_quarantined_share', 20 / 120, false],
      ['max_row_change', 1, false],
    ]);
    expect(evaluateGates([], undefined, gatesSchema.parse({ required_sources: ['revenue'] }), ['responses'])[0]).toMatchObject({ gate: 'required_source', passed: false });
  });

  it('each threshold fails with exit 3 through the CLI, names source, figure and threshold, and leaves the last run intact', async () => {
    fx.write('responses.csv', responsesCsv(good(20)));
    fx.pipeline({ settings: { gates: { max_row_change: 0.5 } } });
    expect((await run('2024-06-01')).code).toBe(0);
    const before = snapshot(join(fx.dir, 'out'));
    expect(before.has('ecoute.duckdb')).toBe(true);

    const cases: Array<{ rows: string[][]; gates: Record<string, unknown>; message: string }> = [
      // 2 bad dates of 20: 10 % > 5 %
      { rows: [...good(18), ['x1', 'c', 'a1', 'not a date', '5', ''], ['x2', 'c', 'a1', 'soon', '5', '']], gates: { sources: { responses: { max_quarantined_share: 0.05 } } },
        message: 'responses: 10 % of 20 rows read quarantined, more than the 5 % allowed (max_quarantined_share)' },
      { rows: good(20), gates: { min_accepted_rows: 25 }, message: 'responses: 20 rows accepted of 20 read, fewer than the 25 required (min_accepted_rows)' },
      { rows: good(40), gates: { max_row_change: 0.5 }, message: 'responses: 40 rows read vs 20 in the previous run, a change of 100 %, more than the 50 % allowed (max_row_change)' },
      { rows: good(20), gates: { required_sources: ['responses', 'accounts'] }, message: "accounts: required by settings.gates.required_sources but not in the pipeline's sources" },
    ];
    for (const [i, c] of cases.entries()) {
      fx.write('responses.csv', responsesCsv(c.rows));
      fx.pipeline({ settings: { gates: c.gates } });
      const asOf = `2024-06-0${i + 2}`;
      const r = await run(asOf);
      expect(r.code, c.message).toBe(3);
      expect(r.errors).toContain(c.message);
      expect(snapshot(join(fx.dir, 'out'))).toEqual(before);
      const kept = keptRun(asOf);
      expect(r.errors).toContain(`kept in ${kept}`);
      expect(existsSync(join(kept, 'quarantine.csv'))).toBe(true);
      const summary = JSON.parse(readFileSync(join(kept, 'run-summary.json'), 'utf8')) as { status: string; gates: Array<{ passed: boolean; message: string }> };
      expect(summary.status).toBe('gated');
      expect(summary.gates.filter((g) => !g.passed).map((g) => g.message)).toEqual([c.message]);
      // header + the two bad dates of the first case
      if (i === 0) expect(readFileSync(join(kept, 'quarantine.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    }
    // the run log keeps every night: one published, four gated with exit code 3
    const history = readFileSync(join(fx.dir, 'out', 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string; exitCode: number });
    expect(history.map((h) => [h.status, h.exitCode])).toEqual([['published', 0], ['gated', 3], ['gated', 3], ['gated', 3], ['gated', 3]]);
  });

  it('a bank export with a non-date column mapped as the date is gated (exit 3), not a run that loads nothing', async () => {
    const rows = [['id', 'booking', 'value_date', 'score'], ...Array.from({ length: 30 }, (_, i) => [`T${i}`, `EUR ${100 + i}.00`, '2024-05-01', String(i % 11)])];
    fx.write('export.csv', csvText(rows));
    fx.pipeline({ sources: { responses: { path: 'export.csv', columns: { response_id: 'id', submitted_at: 'booking', nps: 'score' } } }, settings: { gates: {} } });
    const r = await run('2024-06-01');
    // every record fails its date: refused as "not an export" before any line is copied anywhere (issue 12.8),
    // with the exit code of a failed gate
    expect(r.code).toBe(3);
    expect(r.errors).toContain('export.csv: this does not look like a responses export: none of its 30 records has the shape of one (most common problem: invalid_date)');
    expect(existsSync(join(fx.dir, 'out', 'ecoute.duckdb'))).toBe(false);
    expect(existsSync(join(fx.dir, 'out', 'run-summary.json'))).toBe(false);
    const history = readFileSync(join(fx.dir, 'out', 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string; exitCode: number });
    expect(history.map((h) => [h.status, h.exitCode])).toEqual([['gated', 3]]);
  });

  it('a bank export with a few rows of valid dates among the wrong ones is stopped by the gates (exit 3) with its quarantine kept', async () => {
    const rows = [['id', 'booking', 'value_date', 'score'], ...Array.from({ length: 30 }, (_, i) => [`T${i}`, i < 3 ? '2024-05-01' : `EUR ${100 + i}.00`, '2024-05-01', String(i % 11)])];
    fx.write('export.csv', csvText(rows));
    fx.pipeline({ sources: { responses: { path: 'export.csv', columns: { response_id: 'id', submitted_at: 'booking', nps: 'score' } } }, settings: { gates: {} } });
    const r = await run('2024-06-01');
    expect(r.code).toBe(3);
    expect(r.errors).toContain('responses: 90 % of 30 rows read quarantined, more than the 50 % allowed (max_quarantined_share)');
    expect(existsSync(join(fx.dir, 'out', 'ecoute.duckdb'))).toBe(false);
    expect(readFileSync(join(keptRun('2024-06-01'), 'quarantine.csv'), 'utf8')).toContain('invalid_date');
  });
});

describe('ecoute validate on a sample', () => {
  it('a file full of NA fails validate (exit 1) with the share per reason; with missing_values: [NA] it passes', async () => {
    // 10 rows: nps is NA everywhere, 3 rows also have NA as their date
    const rows = Array.from({ length: 10 }, (_, i) => [`r${i}`, 'c', 'a1', i < 3 ? 'NA' : '2024-05-01', 'NA', 'NA']);
    fx.write('responses.csv', responsesCsv(rows));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } }, settings: { gates: {} } });
    let text = '';
    const out = { write: (t: string) => void (text += t) };
    expect(await main(['node', 'ecoute', 'validate', fx.pipelineFile, '--as-of', '2024-06-30', '--json'], out, () => undefined)).toBe(1);
    const result = JSON.parse(text) as { ok: boolean; samples: Array<{ source: string; rowsRead: number; rowsQuarantined: number; byReason: Array<{ reason: string; count: number; share: number }> }>; gates: Array<{ gate: string; passed: boolean; message: string }> };
    expect(result.ok).toBe(false);
    expect(result.samples).toMatchObject([{ source: 'responses', rowsRead: 10, rowsQuarantined: 10 }]);
    // the first problem of a row is its reason: 3 invalid dates, 7 not_a_number scores
    expect(result.samples[0]?.byReason.map((q) => [q.reason, q.count, q.share])).toEqual([['invalid_date', 3, 0.3], ['not_a_number', 7, 0.7]]);
    expect(result.gates.filter((g) => !g.passed).map((g) => g.message)).toEqual([
      'responses: 0 rows accepted of 10 read, fewer than the 1 required (min_accepted_rows)',
      'responses: 100 % of 10 rows read quarantined, more than the 50 % allowed (max_quarantined_share)',
    ]);

    fx.pipeline({ sources: { responses: { path: 'responses.csv', missing_values: ['', 'NA'], columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', csat: 'contact', verbatim: 'comment' } } }, settings: { gates: {} } });
    text = '';
    // csat 'c' is not a number on 7 rows, dates missing on 3 → all quarantined still: fails again, now for other reasons
    expect(await main(['node', 'ecoute', 'validate', fx.pipelineFile, '--as-of', '2024-06-30', '--json'], out, () => undefined)).toBe(1);
    const second = JSON.parse(text) as typeof result;
    expect(second.samples[0]?.byReason.map((q) => [q.reason, q.count])).toEqual([['missing_date', 3], ['not_a_number', 7]]);
  });

  it('reads only the first --sample rows of each file', async () => {
    const rows = [...good(4), ...Array.from({ length: 6 }, (_, i) => [`x${i}`, 'c', 'a1', 'bad', '5', ''])];
    fx.write('responses.csv', responsesCsv(rows));
    fx.pipeline({ settings: { gates: {} } });
    let text = '';
    const out = { write: (t: string) => void (text += t) };
    const code = await main(['node', 'ecoute', 'validate', fx.pipelineFile, '--as-of', '2024-06-30', '--sample', '4', '--json'], out, () => undefined);
    expect(code, text).toBe(0);
    expect(JSON.parse(text)).toMatchObject({ ok: true, sampleRows: 4, samples: [{ rowsRead: 4, rowsQuarantined: 0 }] });
    text = '';
    expect(await main(['node', 'ecoute', 'validate', fx.pipelineFile, '--as-of', '2024-06-30', '--json'], out, () => undefined)).toBe(1);
    expect(JSON.parse(text)).toMatchObject({ ok: false, samples: [{ rowsRead: 10, rowsQuarantined: 6 }] });
  });
});

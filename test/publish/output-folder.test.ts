/**
 * Issue 12 findings 2 and 7, issue 13 items 2 and 3: the output folder belongs to one run at a time,
 * a user's folder is never touched, every run is logged in history.jsonl (and shown by
 * `ecoute history`, the dashboard and the report), and output.dir is relative to the pipeline file.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { OutputFolderError, RunLockedError } from '../../src/run/errors.ts';
import { acquireRunLock } from '../../src/publish/run-lock.ts';
import { historyCommand } from '../../src/publish/history-command.ts';
import { readHistory } from '../../src/publish/run-history.ts';
import { publishedNightDir } from '../../src/publish/output-layout.ts';
import { createFixture, responsesCsv, type Fixture } from '../ingest/helpers.ts';
import { CLI, readerView, runChild } from './publish-helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
  fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-06-01', '9', 'great'], ['r2', 'c2', 'a2', '2024-06-02', '3', 'too slow'], ['r3', 'c3', 'a3', '2024-06-03', 'x', '']]));
  fx.pipeline();
});
afterEach(() => fx.cleanup());

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, p: string): void => {
    for (const n of readdirSync(d).sort()) {
      const full = join(d, n);
      if (lstatSync(full).isDirectory()) walk(full, `${p}${n}/`);
      else out[`${p}${n}`] = readFileSync(full, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('a user folder as --out', () => {
  it('is refused before anything is written: its .work/ and quarantine.csv stay as they were', async () => {
    const user = join(fx.dir, 'mine');
    mkdirSync(join(user, '.work'), { recursive: true });
    writeFileSync(join(user, '.work', 'notes.txt'), 'my notes\n');
    writeFileSync(join(user, 'quarantine.csv'), 'my,own,file\n');
    const before = snapshot(user);
    await expect(runPipeline({ pipelineFile: fx.pipelineFile, outDir: user, asOf: '2024-06-30' })).rejects.toThrow(OutputFolderError);
    await expect(runPipeline({ pipelineFile: fx.pipelineFile, outDir: user, asOf: '2024-06-30' })).rejects.toThrow(/holds files ecoute did not write \(\.work, quarantine\.csv\)/);
    expect(snapshot(user)).toEqual(before);
    const cli = await runChild([CLI, 'run', fx.pipelineFile, '--out', user, '--as-of', '2024-06-30']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('holds files ecoute did not write');
    expect(snapshot(user)).toEqual(before);
  });

  it("a user's file put among ecoute's links is never replaced: the run fails, the night stays, the run is kept in failed/", async () => {
    const out = join(fx.dir, 'out');
    const first = await runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-06-30' });
    unlinkSync(join(out, 'quarantine.csv'));
    writeFileSync(join(out, 'quarantine.csv'), 'mine\n');
    writeFileSync(join(out, 'README.txt'), 'a note of mine\n'); // any other file of the user's is tolerated
    await expect(runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-07-01' })).rejects.toThrow(/holds quarantine\.csv, which ecoute did not write/);
    expect(readFileSync(join(out, 'quarantine.csv'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toBe('a note of mine\n');
    expect(publishedNightDir(out)).toBe(first.nightDir);
    const h = readHistory(join(out, 'history.jsonl')).entries;
    expect(h.map((e) => [e.asOf, e.status, e.exitCode])).toEqual([['2024-06-30', 'published', 0], ['2024-07-01', 'failed', 1]]);
    expect(existsSync(join(out, h[1]!.folder!, 'run-summary.json'))).toBe(true);
  });
});

describe('one run per output folder', () => {
  it('a second run fails at once naming the first; with --wait it waits and publishes after it', async () => {
    const out = join(fx.dir, 'out');
    mkdirSync(out);
    const lock = await acquireRunLock(join(out, '.ecoute-lock'), { runId: 'test-holder', startedAt: '2024-06-30T00:00:00.000Z' });
    try {
      const refused = runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-06-30' });
      await expect(refused).rejects.toThrow(RunLockedError);
      await expect(runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-06-30' })).rejects.toThrow(
        new RegExp(`another ecoute run is writing this output folder \\(pid ${process.pid} on .*, run test-holder, started 2024-06-30T00:00:00.000Z\\); wait for it to finish, or run with --wait`),
      );
      const waiting = runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-06-30', wait: true });
      await new Promise((r) => setTimeout(r, 600));
      expect(existsSync(join(out, 'current'))).toBe(false); // still waiting
      lock.release();
      const done = await waiting;
      expect(publishedNightDir(out)).toBe(done.nightDir);
    } finally {
      lock.release();
    }
  });

  it('two CLI runs started together: one publishes, the other fails with the lock message; with --wait both publish', async () => {
    const out = join(fx.dir, 'out');
    const args = [CLI, 'run', fx.pipelineFile, '--out', out, '--as-of', '2024-06-30', '--json'];
    const [a, b] = await Promise.all([runChild(args), runChild(args)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const refused = a.code === 1 ? a : b; // with --json its error is JSON on stdout
    expect((JSON.parse(refused.stdout) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'run_locked', message: expect.stringContaining('another ecoute run is writing this output folder') });
    const view = readerView(out);
    expect(JSON.parse(view.get('run-summary.json')!.toString()).asOf).toBe('2024-06-30');
    const [c, d] = await Promise.all([runChild([...args, '--wait']), runChild([...args, '--wait'])]);
    expect([c.code, d.code]).toEqual([0, 0]);
    const statuses = readHistory(join(out, 'history.jsonl')).entries.map((e) => e.status);
    expect(statuses).toEqual(['published', 'published', 'published']); // a run refused by the lock never owned the folder: not logged
    expect(readdirSync(join(out, 'runs'))).toHaveLength(3);
    expect(readlinkSync(join(out, 'current'))).toBe(`runs/${readHistory(join(out, 'history.jsonl')).entries[2]!.runId}`);
  }, 120_000);
});

describe('run history', () => {
  it('logs three runs, one failed, shown by `ecoute history`, the dashboard and the report', async () => {
    const out = join(fx.dir, 'out');
    await runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-06-30' });
    renameSync(join(fx.dir, 'responses.csv'), join(fx.dir, 'responses.away'));
    await expect(runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-07-01' })).rejects.toThrow(/responses/);
    renameSync(join(fx.dir, 'responses.away'), join(fx.dir, 'responses.csv'));
    const third = await runPipeline({ pipelineFile: fx.pipelineFile, outDir: out, asOf: '2024-07-02' });

    // by pipeline file: its output.dir (default `out`) is relative to the pipeline file
    expect(historyCommand(fx.pipelineFile).folder).toBe(out);
    const log = readHistory(join(out, 'history.jsonl'));
    expect(log.problems).toEqual([]);
    expect(log.entries.map((e) => [e.asOf, e.status, e.exitCode, e.folder?.replace(/\/.*/, '') ?? null])).toEqual([
      ['2024-06-30', 'published', 0, 'runs'],
      ['2024-07-01', 'failed', 1, 'failed'],
      ['2024-07-02', 'published', 0, 'runs'],
    ]);
    const [ok, failed] = log.entries;
    expect(ok!.sources).toEqual([{ source: 'responses', rowsRead: 3, rowsAccepted: 2, rowsQuarantined: 1 }]);
    expect(failed!.sources).toEqual([]);
    expect(failed!.error).toMatch(/responses/);
    expect(ok!.pipelineSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ok!.versions.duckdb).toMatch(/^v\d/);
    expect(ok!.engines.length).toBeGreaterThan(0);
    expect(Date.parse(ok!.endedAt)).toBeGreaterThanOrEqual(Date.parse(ok!.startedAt));

    const json = await runChild([CLI, 'history', out, '--json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { entries: Array<{ status: string }> }).entries.map((e) => e.status)).toEqual(['published', 'failed', 'published']);
    const limited = await runChild([CLI, 'history', fx.pipelineFile, '--limit', '1', '--json']);
    expect((JSON.parse(limited.stdout) as { entries: Array<{ asOf: string }> }).entries.map((e) => e.asOf)).toEqual(['2024-07-02']);

    // the third night shows the two runs before it, newest first
    const shown = readFileSync(join(out, 'dashboard', 'run-history.js'), 'utf8');
    const runs = JSON.parse(shown.replace(/^window\.ecouteRunHistory = /, '').replace(/;\n$/, '')) as Array<{ asOf: string; status: string }>;
    expect(runs.map((r) => [r.asOf, r.status])).toEqual([['2024-07-01', 'failed'], ['2024-06-30', 'published']]);
    const page = readFileSync(join(out, 'report', 'run-history-en.md'), 'utf8');
    expect(page).toMatch(/2024-07-01 \| failed \| 1 \|/);
    expect(readFileSync(join(out, 'report', 'report-en.md'), 'utf8')).toContain('run-history-en.html');
    expect(third.nightDir).toBe(publishedNightDir(out));
  }, 120_000);
});

describe('cron-safe paths', () => {
  it('output.dir is relative to the pipeline file, whatever the current directory', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ecoute-cwd-'));
    try {
      writeFileSync(fx.pipelineFile, `${readFileSync(fx.pipelineFile, 'utf8')}output:\n  dir: nightly/out\n`);
      const r = await runChild([CLI, 'run', fx.pipelineFile, '--as-of', '2024-06-30', '--json'], { cwd: elsewhere });
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(elsewhere)).toEqual([]);
      expect(existsSync(join(fx.dir, 'nightly', 'out', 'dashboard', 'index.html'))).toBe(true);
      const h = await runChild([CLI, 'history', fx.pipelineFile, '--json'], { cwd: elsewhere });
      expect((JSON.parse(h.stdout) as { folder: string }).folder).toBe(join(fx.dir, 'nightly', 'out'));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);
});

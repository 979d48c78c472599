/**
 * Issue 12, finding 1: a DuckDB session left open on the published database. A child process opens
 * `<out>/ecoute.duckdb` read-write (the documented path, a link into current/), turns automatic
 * checkpoints off and deletes the detractors, and stays open while the next run happens; then it is
 * killed. The new night must hold all its rows: it is built in a fresh staging folder (no write-ahead
 * log beside it), and the session's log stays beside the old night's file it belongs to. A session that
 * changed the published file itself (created a table, closed cleanly) is detected by the night's
 * manifest: the next run does not build on that database.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { publishedNightDir } from '../../src/publish/output-layout.ts';
import { AS_OF, CHILDREN, countIn, createDemoSetup, REPO, runChild, type DemoSetup } from './publish-helpers.ts';

let root: string;
let setup: DemoSetup;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ecoute-wal-'));
  chmodSync(root, 0o755); // the unprivileged child below must reach the files
  setup = await createDemoSetup(root, { domainAdaptation: false });
}, 120_000);
afterAll(() => {
  setup?.fixture.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const COUNT = 'SELECT count(*) FROM responses';
const DETRACTORS = 'SELECT count(*) FROM responses WHERE nps <= 6';

/** Starts the holder and resolves when it prints `held <n>`. */
function holdSession(database: string): Promise<{ left: number; kill: () => Promise<void> }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(CHILDREN, 'hold-session.ts'), database, 'delete'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const exited = new Promise<void>((r) => child.on('close', () => r()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /held (\d+)/.exec(out);
      if (m) resolvePromise({ left: Number(m[1]), kill: async () => void (child.kill('SIGKILL'), await exited) });
      else if (out.includes('refused')) reject(new Error(out));
    });
    child.on('error', reject);
  });
}

describe('a second DuckDB session on the published database', () => {
  it('left open read-write with deletions in its log: the next night has all its rows', async () => {
    const out = join(root, 'out-open');
    const first = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF });
    const total = first.summary.sources.find((s) => s.reconciliation.source === 'responses')!.reconciliation.rowsAccepted;
    const db = join(out, 'ecoute.duckdb');
    expect(await countIn(db, COUNT)).toBe(total);
    const detractors = await countIn(db, DETRACTORS);
    expect(detractors).toBeGreaterThan(0);

    const session = await holdSession(db);
    expect(session.left).toBe(total - detractors);
    const notices: string[] = [];
    const second = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF, log: (m) => notices.push(m) });
    // the session holds the old file read-write: the run could not open it read-only, and started afresh
    expect(notices.some((n) => /cannot be opened read-only .*not reused/.test(n))).toBe(true);
    await session.kill();

    expect(await countIn(db, COUNT)).toBe(total);
    expect(await countIn(db, DETRACTORS)).toBe(detractors);
    expect(existsSync(join(second.nightDir, 'ecoute.duckdb.wal'))).toBe(false);
    expect(existsSync(join(first.nightDir, 'ecoute.duckdb.wal'))).toBe(true); // the session's log stays with the old night
    // and the night after builds on the clean published database
    const third = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF });
    expect(third.classifyWork.cachedHits).toBeGreaterThan(0);
    expect(await countIn(db, COUNT)).toBe(total);
    expect(await countIn(db, DETRACTORS)).toBe(detractors);
  }, 300_000);

  it('that changed the published file: the next run does not take the change into the new night', async () => {
    const out = join(root, 'out-changed');
    await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF });
    const created = await runChild([join(CHILDREN, 'hold-session.ts'), join(out, 'ecoute.duckdb'), 'create']);
    expect(created.stdout).toBe('closed\n'); // as root the read-only file mode does not stop it
    expect(await countIn(join(out, 'ecoute.duckdb'), "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'foreign_table'")).toBe(1);
    const notices: string[] = [];
    await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF, log: (m) => notices.push(m) });
    expect(notices.some((n) => /was changed after it was published.*not reused/.test(n))).toBe(true);
    expect(await countIn(join(out, 'ecoute.duckdb'), "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'foreign_table'")).toBe(0);
  }, 300_000);

  it.skipIf(process.getuid?.() !== 0)('opened by another user read-write: refused by the read-only files; read-only works', async () => {
    const out = join(root, 'out-user');
    await runPipeline({ pipelineFile: setup.pipelineFile, outDir: out, asOf: AS_OF });
    const night = publishedNightDir(out)!;
    expect(readdirSync(night).length).toBeGreaterThan(5);
    const nobody = 65534;
    const rw = await runChild([join(CHILDREN, 'hold-session.ts'), join(out, 'ecoute.duckdb'), 'readwrite'], { uid: nobody });
    expect(rw.stdout).toMatch(/^refused: .*(Permission denied|Cannot open|read-only)/i);
    const ro = await runChild([join(CHILDREN, 'hold-session.ts'), join(out, 'ecoute.duckdb'), 'readonly'], { uid: nobody });
    expect(ro.stdout).toBe('opened\n');
  }, 300_000);
});

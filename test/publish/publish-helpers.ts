/**
 * Helpers of the publishing suite: a small generated demo company with its pipeline, what a reader
 * of an output folder sees (every file reached through the fixed top-level links), and the content of
 * a database table by table.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDemoFixture, type DemoFixture } from '../demo/demo-fixture.ts';

export const DEMO_PIPELINE = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));
/** the CLI from its TypeScript sources (runChild runs a .ts file through tsx): tests never depend on a build in dist/ */
export const CLI = fileURLToPath(new URL('../../src/cli/ecoute.ts', import.meta.url));
export const AS_OF = '2026-11-01';

export interface DemoSetup {
  readonly fixture: DemoFixture;
  /** folder of the source files the pipeline reads (data/) and of the pipeline (demo.yaml) */
  readonly dir: string;
  readonly pipelineFile: string;
}

/**
 * The demo company at `scale` in `<dir>/data`, and `<dir>/demo.yaml` reading it, with output.dir
 * `out` (relative to the pipeline file). `months` keeps only the first monthly response files.
 */
export async function createDemoSetup(dir: string, opts: { seed?: number; scale?: number; months?: number; domainAdaptation?: boolean } = {}): Promise<DemoSetup> {
  const fixture = await createDemoFixture(opts.seed ?? 5, opts.scale ?? 0.006);
  const data = join(dir, 'data');
  const monthly = fixture.summary.files.filter((f) => f.name.startsWith('responses-')).map((f) => f.name).sort();
  const keep = new Set(monthly.slice(0, opts.months ?? monthly.length));
  for (const f of fixture.summary.files) if (!f.name.startsWith('responses-') || keep.has(f.name)) cpSync(join(fixture.dir, f.name), join(data, f.name));
  const pipelineFile = join(dir, 'demo.yaml');
  // one owner-page key for every output folder of the setup (a nightly folder and a from-scratch one name the
  // owner pages alike; each folder would otherwise create its own secret)
  const yaml = readFileSync(DEMO_PIPELINE, 'utf8').replaceAll('../demo-data/', './data/').replace(/^  dir: .*$/m, '  dir: out')
    .replace(/^  per_owner: \{\}/m, `  per_owner: { key_file: ${JSON.stringify(join(dir, 'owner-pages.key'))} }`);
  writeFileSync(pipelineFile, opts.domainAdaptation === false ? `${yaml}classify:\n  domain_adaptation: false\n` : yaml);
  return { fixture, dir, pipelineFile };
}

/** Adds the next monthly response file of the fixture to the data folder; returns its name. */
export function appendMonth(setup: DemoSetup): string {
  const have = new Set(readdirSync(join(setup.dir, 'data')));
  const next = setup.fixture.summary.files.map((f) => f.name).filter((n) => n.startsWith('responses-') && !have.has(n)).sort()[0];
  if (next === undefined) throw new Error('no month left to append');
  cpSync(join(setup.fixture.dir, next), join(setup.dir, 'data', next));
  return next;
}

/** Files of a run that describe the run or the folder's past, not the night's data: never compared byte for byte. */
export const RUN_FACT_FILES = [
  'run-timings.json', 'run-history.json', 'dashboard/run-history.js',
  'report/run-history-en.html', 'report/run-history-en.md', 'report/run-history-fr.html', 'report/run-history-fr.md',
];

function walk(dir: string, prefix: string, out: Map<string, Buffer>): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (lstatSync(path).isDirectory()) walk(path, rel, out);
    else out.set(rel, readFileSync(path));
  }
}

/**
 * What a reader of `outDir` sees: every file reached through the top-level links into current/
 * (the documented paths: ecoute.duckdb, dashboard/index.html, …), keyed by path.
 */
export function readerView(outDir: string): Map<string, Buffer> {
  const view = new Map<string, Buffer>();
  for (const name of readdirSync(outDir).sort()) {
    const path = join(outDir, name);
    const st = lstatSync(path);
    if (!st.isSymbolicLink() || name === 'current') continue;
    let target: ReturnType<typeof lstatSync>;
    try {
      target = lstatSync(join(outDir, 'current', name));
    } catch {
      view.set(name, Buffer.from('<dangling link>'));
      continue;
    }
    if (target.isDirectory()) walk(path, name, view);
    else view.set(name, readFileSync(path));
  }
  return view;
}

/** Names of files whose bytes differ between two views (or that only one has), `skip` aside. */
export function differingFiles(a: Map<string, Buffer>, b: Map<string, Buffer>, skip: readonly string[] = []): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].filter((n) => !skip.includes(n)).sort();
  return names.filter((n) => {
    const x = a.get(n);
    const y = b.get(n);
    return x === undefined || y === undefined || !x.equals(y);
  });
}

/** Every table of a database with its rows in a canonical order, as JSON text (read-only session). */
export async function databaseContent(file: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const tables = (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name")).getRowObjectsJson().map((r) => String(r.table_name));
    const content = new Map<string, string>();
    for (const t of tables) {
      const rows = (await conn.runAndReadAll(`SELECT * FROM "${t.replaceAll('"', '""')}" ORDER BY ALL`)).getRowObjectsJson();
      content.set(t, JSON.stringify(rows));
    }
    return content;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Count of a query's single value in a database opened read-only. */
export async function countIn(file: string, sql: string): Promise<number> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return Number((await conn.runAndReadAll(sql)).getRows()[0]?.[0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript child script (through tsx) or the CLI to its end. */
export function runChild(args: readonly string[], opts: { cwd?: string; uid?: number; gid?: number } = {}): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args[0]?.endsWith('.ts') ? ['--import', TSX, ...args] : [...args], {
      cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** tsx's loader by absolute path: a child started in another directory resolves it all the same */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const CHILDREN = fileURLToPath(new URL('./children/', import.meta.url));

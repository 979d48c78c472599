/**
 * The demo company at benchmark scale, shared by bench/memory-bench.ts and bench/nightly-bench.ts.
 *
 * - `measure(args)`: runs `node <args>` as a child, under /usr/bin/time -v when present, so the peak RSS is
 *   the whole process (DuckDB plus JavaScript), and reports its CPU seconds (user + system) beside the wall.
 * - `generateScaledDemo(dir, responses)`: the demo generator at scale responses / 100,000 (at most 5, ~500k
 *   responses); above that the response files are copied by DuckDB (ids prefixed `c<i>-`, verbatims suffixed
 *   with the copy number so every copy's texts are new to the classifier) until the count is reached.
 *   Reused when `dir` already holds it.
 * - `writeDemoPipeline(...)`: pipelines/demo.yaml pointed at that data, an output folder and extra settings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Measured {
  readonly seconds: number;
  /** user + system CPU seconds of the child (time -v), undefined without /usr/bin/time */
  readonly cpuSeconds: number | undefined;
  readonly peakRssMb: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function measure(args: readonly string[]): Measured {
  const started = performance.now();
  const cmd = TIME === undefined ? process.execPath : TIME;
  const full = TIME === undefined ? [...args] : ['-v', process.execPath, ...args];
  const r = spawnSync(cmd, full, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const stderr = r.stderr ?? '';
  return { seconds, ...timeReport(stderr), status: r.status, stdout: r.stdout ?? '', stderr };
}

/** CPU seconds (user + system) and peak RSS from time -v's report at the end of a child's stderr */
export function timeReport(stderr: string): { cpuSeconds: number | undefined; peakRssMb: number | undefined } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return {
    cpuSeconds: user === null || system === null ? undefined : Number(user[1]) + Number(system[1]),
    peakRssMb: rss === null ? undefined : Math.round(Number(rss[1]) / 1024),
  };
}

/** time -v's own report lines, which the tail of a failed child's stderr does not need */
export function withoutTimeReport(stderr: string): string {
  return stderr.split('\n').filter((l) => !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l)).join('\n');
}

export const tsx = (code: string): string[] => ['--import', 'tsx', '--input-type=module', '-e', code];

/** DuckDB statements run in a child process (its memory is not the measured run's). */
export function runDuckDb(statements: readonly string[], what: string): Measured {
  const code = `import { DuckDBInstance } from '@duckdb/node-api'; const db = await DuckDBInstance.create(':memory:', { memory_limit: '1GB' }); const c = await db.connect(); for (const s of ${JSON.stringify(statements)}) await c.run(s);`;
  const m = measure(tsx(code));
  if (m.status !== 0) throw new Error(`${what} failed:\n${withoutTimeReport(m.stderr)}`);
  return m;
}

/** A copy of a response file: ids prefixed, non-empty verbatims suffixed, so ids and texts are new. */
export function copyResponsesStatement(src: string, dst: string, tag: string, where = 'true'): string {
  const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
  return `COPY (SELECT * REPLACE (${q(`${tag}-`)} || "Response ID" AS "Response ID", CASE WHEN coalesce(trim("Comment"), '') = '' THEN "Comment" ELSE "Comment" || ${q(` (${tag})`)} END AS "Comment") FROM read_csv(${q(src)}, all_varchar = true, header = true) WHERE ${where}) TO ${q(dst)} (HEADER, DELIMITER ',')`;
}

export function responseFiles(data: string): string[] {
  return readdirSync(data).filter((f) => /^responses-.*\.csv$/.test(f)).sort();
}

export function generateScaledDemo(dir: string, responses: number): { data: string } {
  const data = join(dir, 'data');
  const baseScale = Math.min(5, responses / 100_000);
  if (existsSync(join(data, 'ground-truth.json')) && existsSync(join(dir, 'generated.json'))) {
    console.log(`data: reusing ${data}`);
    return { data };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const gen = measure(tsx(`import { generateDemo } from ${JSON.stringify(join(ROOT, 'src/demo/generate-demo.ts'))}; await generateDemo({ outDir: ${JSON.stringify(data)}, seed: 42, scale: ${baseScale} });`));
  if (gen.status !== 0) throw new Error(`demo generator failed:\n${withoutTimeReport(gen.stderr)}`);
  console.log(`data: demo generator scale ${baseScale} in ${gen.seconds.toFixed(1)} s, its peak RSS ${gen.peakRssMb ?? '?'} MB (not counted below)`);
  const files = responseFiles(data);
  const copies = Math.max(1, Math.ceil(responses / (baseScale * 100_000))) - 1;
  if (copies > 0) {
    // one child per copy: all the statements of 19 copies (10M responses) in one command line exceed the OS's limit
    let seconds = 0;
    let peak = 0;
    for (let c = 1; c <= copies; c++) {
      const cp = runDuckDb(files.map((f) => copyResponsesStatement(join(data, f), join(data, f.replace(/\.csv$/, `-c${c}.csv`)), `c${c}`)), `copy ${c} of the response files`);
      seconds += cp.seconds;
      peak = Math.max(peak, cp.peakRssMb ?? 0);
    }
    console.log(`data: ${copies} cop${copies === 1 ? 'y' : 'ies'} of the response files in ${seconds.toFixed(1)} s, peak RSS ${peak || '?'} MB (not counted below)`);
  }
  writeFileSync(join(dir, 'generated.json'), JSON.stringify({ responses, scale: baseScale, copies }));
  return { data };
}

/** pipelines/demo.yaml reading `data`, writing to `out`, with extra `settings:` lines (e.g. `memory_limit: 512MB`). */
export function writeDemoPipeline(yaml: string, data: string, out: string, settings: readonly string[] = []): void {
  let text = readFileSync(join(ROOT, 'pipelines/demo.yaml'), 'utf8');
  text = text.replaceAll('../demo-data/', `${data}/`).replace(/^ {2}dir: .*$/m, `  dir: ${out}`);
  if (!/^settings:\n/m.test(text)) throw new Error('pipelines/demo.yaml has no settings block');
  text = text.replace(/^settings:\n/m, `settings:\n${settings.map((s) => `  ${s}\n`).join('')}`);
  writeFileSync(yaml, text);
}

/** The phase timings of the published night (run-timings.json), and its own peak RSS figure. */
export function readRunTimings(out: string): { phases: Array<[string, number]>; peakRssMb: number | undefined; duckdbLimit: string | undefined } {
  const timings = JSON.parse(readFileSync(join(out, 'current', 'run-timings.json'), 'utf8')) as Record<string, unknown> & { resources?: { peak_rss_mb?: number; duckdb_memory_limit?: string } };
  return {
    phases: Object.entries(timings).filter((e): e is [string, number] => typeof e[1] === 'number'),
    peakRssMb: timings.resources?.peak_rss_mb,
    duckdbLimit: timings.resources?.duckdb_memory_limit,
  };
}

/**
 * How the benchmarks start `ecoute`: `compiled` is what users run (bin/ecoute.js, which imports dist/), built
 * here first (`npm run build`, ~15 s) so dist/ is never stale; `tsx` runs the sources through tsx's compiler
 * (≈ 60 MB more resident memory at startup and after, counted in the peak).
 */
export type CliMode = 'compiled' | 'tsx';

/** Builds dist/ (tsc -p tsconfig.build.json): the compiled CLI the benchmarks run is that of the current sources. */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed (the benchmark runs the compiled CLI, bin/ecoute.js):\n${r.stdout}${r.stderr}`);
  if (!existsSync(join(ROOT, 'dist/cli/ecoute.js'))) throw new Error('npm run build wrote no dist/cli/ecoute.js');
}

export function ecouteRun(yaml: string, asOf: string, mode: CliMode = 'compiled'): Measured {
  return measure(ecouteRunArgs(yaml, asOf, mode));
}

export const ecouteRunArgs = (yaml: string, asOf: string, mode: CliMode = 'compiled'): string[] =>
  [...(mode === 'tsx' ? ['--import', 'tsx', join(ROOT, 'src/cli/ecoute.ts')] : [join(ROOT, 'bin/ecoute.js')]), 'run', yaml, '--as-of', asOf];

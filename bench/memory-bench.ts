/**
 * Memory benchmark: `npx tsx bench/memory-bench.ts [responses] [memory_limit]`
 * (default 200000 and 512MB; e.g. `npx tsx bench/memory-bench.ts 2000000 512MB`).
 *
 * 1. Generates the demo company in a child process (its RSS is printed apart: it is not the pipeline's).
 *    Scale = responses / 100,000, at most 5 (~500k responses); above that the response files are
 *    copied (ids prefixed `c<i>-`, verbatims suffixed with the copy number so every copy's texts are
 *    new to the classifier) until the count is reached, by DuckDB (also a child process).
 * 2. Writes pipelines/demo.yaml with `settings.memory_limit` and runs `ecoute run` as a child under
 *    /usr/bin/time -v (when present), so the peak RSS is the whole process: DuckDB plus JavaScript.
 * 3. Prints the peak RSS (time -v, and the run's own figure from run-timings.json) and the phase timings.
 *
 * Data is kept in $MEMORY_BENCH_DIR (default /tmp/ecoute-memory-bench/<responses>), reused when present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, totalmem } from 'node:os';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESPONSES = Number(process.argv[2] ?? 200_000);
const LIMIT = process.argv[3] ?? '512MB';
const BASE_SCALE = Math.min(5, RESPONSES / 100_000);
const DIR = process.env.MEMORY_BENCH_DIR ?? join('/tmp/ecoute-memory-bench', String(RESPONSES));
const DATA = join(DIR, 'data');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` as a child, under /usr/bin/time -v when present; peak RSS from its report. */
function measure(args: readonly string[]): Measured {
  const started = performance.now();
  const cmd = TIME === undefined ? process.execPath : TIME;
  const full = TIME === undefined ? [...args] : ['-v', process.execPath, ...args];
  const r = spawnSync(cmd, full, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakRssMb: rss === null ? undefined : Math.round(Number(rss[1]) / 1024), status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const tsx = (code: string): string[] => ['--import', 'tsx', '--input-type=module', '-e', code];

function generate(): void {
  if (existsSync(join(DATA, 'ground-truth.json')) && existsSync(join(DIR, 'generated.json'))) {
    console.log(`data: reusing ${DATA}`);
    return;
  }
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const gen = measure(tsx(`import { generateDemo } from ${JSON.stringify(join(ROOT, 'src/demo/generate-demo.ts'))}; await generateDemo({ outDir: ${JSON.stringify(DATA)}, seed: 42, scale: ${BASE_SCALE} });`));
  if (gen.status !== 0) throw new Error(`demo generator failed:\n${gen.stderr}`);
  console.log(`data: demo generator scale ${BASE_SCALE} in ${gen.seconds.toFixed(1)} s, its peak RSS ${gen.peakRssMb ?? '?'} MB (not counted below)`);
  const files = readdirSync(DATA).filter((f) => /^responses-.*\.csv$/.test(f)).sort();
  const copies = Math.max(1, Math.ceil(RESPONSES / (BASE_SCALE * 100_000))) - 1;
  if (copies > 0) {
    const statements = [];
    for (let c = 1; c <= copies; c++) {
      for (const f of files) {
        const src = join(DATA, f);
        const dst = join(DATA, f.replace(/\.csv$/, `-c${c}.csv`));
        statements.push(
          `COPY (SELECT * REPLACE ('c${c}-' || "Response ID" AS "Response ID", CASE WHEN coalesce(trim("Comment"), '') = '' THEN "Comment" ELSE "Comment" || ' (${c})' END AS "Comment") FROM read_csv('${src}', all_varchar = true, header = true)) TO '${dst}' (HEADER, DELIMITER ',')`,
        );
      }
    }
    const code = `import { DuckDBInstance } from '@duckdb/node-api'; const db = await DuckDBInstance.create(':memory:', { memory_limit: '1GB' }); const c = await db.connect(); for (const s of ${JSON.stringify(statements)}) await c.run(s);`;
    const cp = measure(tsx(code));
    if (cp.status !== 0) throw new Error(`copying the response files failed:\n${cp.stderr}`);
    console.log(`data: ${copies} cop${copies === 1 ? 'y' : 'ies'} of the response files in ${cp.seconds.toFixed(1)} s, peak RSS ${cp.peakRssMb ?? '?'} MB (not counted below)`);
  }
  writeFileSync(join(DIR, 'generated.json'), JSON.stringify({ responses: RESPONSES, scale: BASE_SCALE, copies }));
}

function writePipeline(): { yaml: string; out: string } {
  const out = join(DIR, `out-${LIMIT}`);
  rmSync(out, { recursive: true, force: true });
  let text = readFileSync(join(ROOT, 'pipelines/demo.yaml'), 'utf8');
  text = text.replaceAll('../demo-data/', `${DATA}/`).replace(/^  dir: .*$/m, `  dir: ${out}`);
  if (!/^settings:\n/m.test(text)) throw new Error('pipelines/demo.yaml has no settings block');
  text = text.replace(/^settings:\n/m, `settings:\n  memory_limit: ${LIMIT}\n`);
  const yaml = join(DIR, `pipeline-${LIMIT}.yaml`);
  writeFileSync(yaml, text);
  return { yaml, out };
}

generate();
const { yaml, out } = writePipeline();
console.log(`run: ${RESPONSES.toLocaleString('en-US')} responses (target), settings.memory_limit ${LIMIT}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}, RAM ${Math.round(totalmem() / 2 ** 30)} GB`);
// through tsx (no build step needed; its compiler adds ~60 MB to the peak, which is counted)
const run = measure(['--import', 'tsx', join(ROOT, 'src/cli/ecoute.ts'), 'run', yaml, '--as-of', '2026-11-01']);
if (run.status !== 0) {
  console.log(`run FAILED (exit ${run.status}) after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb ?? '?'} MB`);
  console.log(run.stderr.split('\n').filter((l) => !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l)).slice(-25).join('\n'));
  process.exitCode = 1;
} else {
  const timings = JSON.parse(readFileSync(join(out, 'current', 'run-timings.json'), 'utf8')) as Record<string, unknown> & { resources?: { peak_rss_mb?: number; duckdb_memory_limit?: string } };
  const phases = Object.entries(timings).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${(v as number).toFixed(1)}`).join(', ');
  console.log(`run: ${run.seconds.toFixed(1)} s wall; peak RSS ${run.peakRssMb ?? '?'} MB (time -v), ${timings.resources?.peak_rss_mb ?? '?'} MB (run-timings); DuckDB limit ${timings.resources?.duckdb_memory_limit ?? '?'}`);
  console.log(`phases (s): ${phases}`);
}

/**
 * Nightly scale benchmark: `npx tsx bench/nightly-bench.ts [responses] [increment]`
 * (default 1000000 and 0.01; e.g. `npx tsx bench/nightly-bench.ts 10000000`).
 *
 * 1. The demo company at `responses` (bench/scaled-demo.ts: demo generator up to ~500k, then copies of the
 *    response files with new ids and new texts), generated once in $NIGHTLY_BENCH_DIR
 *    (default /tmp/ecoute-nightly-bench/<responses>) and reused.
 * 2. Full run: `ecoute run` from an empty output folder (no previous night), as a child under
 *    /usr/bin/time -v: wall, CPU (user + system), peak RSS (DuckDB plus JavaScript) and the time per phase.
 * 3. The night's increment: `increment` × responses new responses (ids and texts new, taken from the first
 *    response file), written as one more file beside links to the previous night's files, then the nightly
 *    run into the same output folder (the previous night's caches and classifications reused), measured
 *    the same way. The increment's run is for the same as-of date, so both nights describe the same window.
 * 4. Prints the two runs side by side, phase by phase, with the nightly / full ratios (goal: ≤ 10 % at 1M).
 *    With `BASELINE=1` a third run classifies the incremented files from scratch into a new folder (the
 *    exact "full run on the same files"); without it the full run of step 2 (1 % fewer rows) stands in.
 * 5. `MEMORY_LIMIT=12GB` sets settings.memory_limit for every run (none by default: DuckDB takes 80 % of RAM and
 *    V8's heap a quarter, which at 10M responses can exceed the machine); `FULL_ONLY=1` stops after the full run;
 *    `REUSE_FULL=1` keeps the night already published in the output folder by an earlier full run (its phase
 *    timings stand in for the full run; its wall and CPU come from that run's printout, not measured again).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import {
  copyResponsesStatement, ecouteRun, generateScaledDemo, readRunTimings, responseFiles, runDuckDb, withoutTimeReport, writeDemoPipeline, type Measured,
} from './scaled-demo.ts';

const RESPONSES = Number(process.argv[2] ?? 1_000_000);
const INCREMENT = Number(process.argv[3] ?? 0.01);
const AS_OF = '2026-11-01';
const MEMORY_LIMIT = process.env.MEMORY_LIMIT;
const FULL_ONLY = process.env.FULL_ONLY === '1';
const REUSE_FULL = process.env.REUSE_FULL === '1';
const DIR = process.env.NIGHTLY_BENCH_DIR ?? join('/tmp/ecoute-nightly-bench', String(RESPONSES));
if (!Number.isInteger(RESPONSES) || RESPONSES < 1000) throw new Error(`responses: expected an integer ≥ 1000, got ${process.argv[2]}`);
if (!(INCREMENT > 0 && INCREMENT < 1)) throw new Error(`increment: expected a share between 0 and 1, got ${process.argv[3]}`);

interface Night {
  readonly label: string;
  readonly run: Measured;
  readonly phases: Map<string, number>;
  readonly peakRssMb: number | undefined;
}

function night(label: string, data: string, out: string, fresh: boolean): Night {
  if (fresh) rmSync(out, { recursive: true, force: true });
  const yaml = join(DIR, `pipeline-${label}.yaml`);
  writeDemoPipeline(yaml, data, out, MEMORY_LIMIT !== undefined ? [`memory_limit: ${MEMORY_LIMIT}`] : []);
  console.log(`${label}: running (load ${loadavg()[0]!.toFixed(1)})`);
  const run = ecouteRun(yaml, AS_OF, 'tsx'); // through tsx, as its README figures were measured
  if (run.status !== 0) {
    console.log(withoutTimeReport(run.stderr).split('\n').slice(-25).join('\n'));
    throw new Error(`${label}: ecoute run failed (exit ${run.status}) after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb ?? '?'} MB`);
  }
  const t = readRunTimings(out);
  console.log(`${label}: ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds?.toFixed(1) ?? '?'} CPU-s, peak RSS ${run.peakRssMb ?? '?'} MB`);
  return { label, run, phases: new Map(t.phases), peakRssMb: run.peakRssMb };
}

/** The night an earlier full run published in `out`: its phase timings; wall and CPU unknown (not measured here). */
function publishedNight(label: string, out: string): Night {
  const t = readRunTimings(out);
  const total = new Map(t.phases).get('total_seconds') ?? 0;
  console.log(`${label}: night already published in ${out}, ${total.toFixed(1)} s by its own timings (wall and CPU: see that run's printout)`);
  return { label, run: { seconds: total, cpuSeconds: undefined, peakRssMb: t.peakRssMb, status: 0, stdout: '', stderr: '' }, phases: new Map(t.phases), peakRssMb: t.peakRssMb };
}

/** A second data folder: links to every file of `data`, plus the increment file (new ids, new texts). */
function incrementData(data: string): { data: string; rows: number } {
  const inc = join(DIR, `data-increment-${INCREMENT}`);
  rmSync(inc, { recursive: true, force: true });
  mkdirSync(inc, { recursive: true });
  for (const f of readdirSync(data)) symlinkSync(join(data, f), join(inc, f));
  const first = responseFiles(data)[0];
  if (first === undefined) throw new Error(`${data}: no response file`);
  const rows = Math.round(RESPONSES * INCREMENT);
  // the first `rows` records of the first file, in file order (deterministic), as a new file of the glob
  const dst = join(inc, 'responses-increment-n1.csv');
  runDuckDb([copyResponsesStatement(join(data, first), dst, 'n1', `"Response ID" IN (SELECT "Response ID" FROM read_csv('${join(data, first)}', all_varchar = true, header = true) LIMIT ${rows})`)], 'writing the increment');
  if (!existsSync(dst)) throw new Error(`${dst} was not written`);
  return { data: inc, rows };
}

const pct = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

const { data } = generateScaledDemo(DIR, RESPONSES);
console.log(`machine: ${cpus().length} cores, RAM ${Math.round(totalmem() / 2 ** 30)} GB; ${RESPONSES.toLocaleString('en-US')} responses (target), increment ${(INCREMENT * 100).toFixed(1)} %; settings.memory_limit ${MEMORY_LIMIT ?? 'none'}`);
const out = join(DIR, 'out');
const full = REUSE_FULL && existsSync(join(out, 'current')) ? publishedNight('full (reused)', out) : night('full', data, out, true);
if (FULL_ONLY) {
  console.log(`\nphase | full (s)\n---|---\n${[...full.phases].map(([p, v]) => `${p} | ${v.toFixed(1)}`).join('\n')}`);
  process.exit(0);
}
const increment = incrementData(data);
console.log(`increment: ${increment.rows.toLocaleString('en-US')} new responses`);
const nightly = night('nightly', increment.data, out, false);
const baseline = process.env.BASELINE === '1' ? night('baseline', increment.data, join(DIR, 'out-baseline'), true) : undefined;
const reference = baseline ?? full;

const phases = [...new Set([...full.phases.keys(), ...nightly.phases.keys()])];
console.log(`\nphase | ${reference.label} (s) | nightly (s) | nightly / ${reference.label}`);
console.log('---|---|---|---');
for (const p of phases) console.log(`${p} | ${reference.phases.get(p)?.toFixed(1) ?? '–'} | ${nightly.phases.get(p)?.toFixed(1) ?? '–'} | ${pct(nightly.phases.get(p), reference.phases.get(p))}`);
console.log(`wall (whole child) | ${reference.run.seconds.toFixed(1)} | ${nightly.run.seconds.toFixed(1)} | ${pct(nightly.run.seconds, reference.run.seconds)}`);
console.log(`CPU (user + system) | ${reference.run.cpuSeconds?.toFixed(1) ?? '?'} | ${nightly.run.cpuSeconds?.toFixed(1) ?? '?'} | ${pct(nightly.run.cpuSeconds, reference.run.cpuSeconds)}`);
console.log(`peak RSS (MB) | ${reference.peakRssMb ?? '?'} | ${nightly.peakRssMb ?? '?'} |`);
const ratio = nightly.run.cpuSeconds !== undefined && reference.run.cpuSeconds !== undefined ? nightly.run.cpuSeconds / reference.run.cpuSeconds : nightly.run.seconds / reference.run.seconds;
console.log(`\nnightly increment of ${(INCREMENT * 100).toFixed(1)} %: ${(ratio * 100).toFixed(1)} % of a full run (${nightly.run.cpuSeconds !== undefined && reference.run.cpuSeconds !== undefined ? 'CPU' : 'wall'}); goal ≤ 10 %: ${ratio <= 0.1 ? 'met' : 'NOT met'}`);

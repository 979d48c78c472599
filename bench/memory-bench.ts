/**
 * Memory benchmark: `npx tsx bench/memory-bench.ts [responses] [memory_limit] [--phases] [--tsx]`
 * (default 200000 and 512MB; e.g. `npx tsx bench/memory-bench.ts 2000000 512MB --phases`).
 *
 * 1. Generates the demo company in a child process (its RSS is printed apart: it is not the pipeline's).
 *    Scale = responses / 100,000, at most 5 (~500k responses); above that the response files are
 *    copied (ids prefixed `c<i>-`, verbatims suffixed with the copy number so every copy's texts are
 *    new to the classifier) until the count is reached, by DuckDB (also a child process).
 * 2. Writes pipelines/demo.yaml with `settings.memory_limit` and runs `ecoute run` as a child under
 *    /usr/bin/time -v (when present), so the peak RSS is the whole process: DuckDB plus JavaScript.
 *    The CLI is the compiled one users run (bin/ecoute.js → dist/), built first (`npm run build`);
 *    `--tsx` runs the sources through tsx instead (its compiler's memory is counted in the peak).
 * 3. Prints the peak RSS (time -v, and the run's own figure from run-timings.json) and the phase timings.
 *    With `--phases`, the child's RSS is also sampled every 0.5 s (bench/measure-phases.ts) and the peak
 *    of every phase is printed (`startup` is node + the pipeline's load + DuckDB's start, before the first phase line).
 *
 * Data is kept in $MEMORY_BENCH_DIR (default /tmp/ecoute-memory-bench/<responses>), reused when present.
 */
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { rmSync } from 'node:fs';
import { buildCli, ecouteRun, ecouteRunArgs, generateScaledDemo, readRunTimings, withoutTimeReport, writeDemoPipeline } from './scaled-demo.ts';
import { measurePhases, type PhasePeak } from './measure-phases.ts';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const RESPONSES = Number(positional[0] ?? 200_000);
const LIMIT = positional[1] ?? '512MB';
const PHASES = flags.includes('--phases');
const MODE = flags.includes('--tsx') ? 'tsx' : 'compiled';
const DIR = process.env.MEMORY_BENCH_DIR ?? join('/tmp/ecoute-memory-bench', String(RESPONSES));

const { data } = generateScaledDemo(DIR, RESPONSES);
if (MODE === 'compiled') buildCli();
const out = join(DIR, `out-${LIMIT}`);
rmSync(out, { recursive: true, force: true });
const yaml = join(DIR, `pipeline-${LIMIT}.yaml`);
writeDemoPipeline(yaml, data, out, [`memory_limit: ${LIMIT}`]);
console.log(`run: ${RESPONSES.toLocaleString('en-US')} responses (target), settings.memory_limit ${LIMIT}; CLI: ${MODE === 'compiled' ? 'compiled (bin/ecoute.js, dist/ just built)' : 'tsx (src/)'}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}, RAM ${Math.round(totalmem() / 2 ** 30)} GB`);
const sampled = PHASES ? await measurePhases(ecouteRunArgs(yaml, '2026-11-01', MODE)) : undefined;
const run = sampled ?? ecouteRun(yaml, '2026-11-01', MODE);
const phasePeaks = (phases: readonly PhasePeak[]): string => phases.map((p) => `${p.phase} ${p.peakRssMb ?? '?'} MB (${p.seconds.toFixed(1)} s)`).join(', ');
if (sampled !== undefined) console.log(`peak RSS per phase: ${phasePeaks(sampled.phases)}`);
if (run.status !== 0) {
  console.log(`run FAILED (exit ${run.status}) after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb ?? '?'} MB`);
  console.log(withoutTimeReport(run.stderr).split('\n').slice(-25).join('\n'));
  process.exitCode = 1;
} else {
  const timings = readRunTimings(out);
  console.log(`run: ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds?.toFixed(1) ?? '?'} CPU-s; peak RSS ${run.peakRssMb ?? '?'} MB (time -v), ${timings.peakRssMb ?? '?'} MB (run-timings); DuckDB limit ${timings.duckdbLimit ?? '?'}`);
  console.log(`phases (s): ${timings.phases.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}

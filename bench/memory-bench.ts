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
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { rmSync } from 'node:fs';
import { ecouteRun, generateScaledDemo, readRunTimings, withoutTimeReport, writeDemoPipeline } from './scaled-demo.ts';

const RESPONSES = Number(process.argv[2] ?? 200_000);
const LIMIT = process.argv[3] ?? '512MB';
const DIR = process.env.MEMORY_BENCH_DIR ?? join('/tmp/ecoute-memory-bench', String(RESPONSES));

const { data } = generateScaledDemo(DIR, RESPONSES);
const out = join(DIR, `out-${LIMIT}`);
rmSync(out, { recursive: true, force: true });
const yaml = join(DIR, `pipeline-${LIMIT}.yaml`);
writeDemoPipeline(yaml, data, out, [`memory_limit: ${LIMIT}`]);
console.log(`run: ${RESPONSES.toLocaleString('en-US')} responses (target), settings.memory_limit ${LIMIT}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}, RAM ${Math.round(totalmem() / 2 ** 30)} GB`);
const run = ecouteRun(yaml, '2026-11-01');
if (run.status !== 0) {
  console.log(`run FAILED (exit ${run.status}) after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb ?? '?'} MB`);
  console.log(withoutTimeReport(run.stderr).split('\n').slice(-25).join('\n'));
  process.exitCode = 1;
} else {
  const timings = readRunTimings(out);
  console.log(`run: ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds?.toFixed(1) ?? '?'} CPU-s; peak RSS ${run.peakRssMb ?? '?'} MB (time -v), ${timings.peakRssMb ?? '?'} MB (run-timings); DuckDB limit ${timings.duckdbLimit ?? '?'}`);
  console.log(`phases (s): ${timings.phases.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}

/**
 * Metrics-phase benchmark on the demo company, the current SQL beside earlier versions of it, in one run:
 *   npx tsx bench/metrics-phase-bench.ts [--scale 1] [--runs 3] [--threads N] [--before REV] [--srs REV]
 *
 * Generates the demo exports (`ecoute demo`, seed 42, the given scale; scale 1 = ~100,000 responses) into
 * bench/.data/, loads them once through the demo pipeline's ingest into a DuckDB file, then times, each in
 * a fresh child process on its own copy of that file (so peak memory is the variant's own):
 *   srs      metric_cells as it was before clustered SEs (git REV, default c213ded: SRS margins only)
 *   before   metric_cells with the per-cluster grouping sets and shared-account self-join (REV, default 006cba8)
 *   current  metric_cells as in this tree, and the whole computeMetrics phase (metric_cells, metric_weighted,
 *            response_rates) as a run executes it
 * Earlier versions are read with `git show REV:sql/metrics/...` (their macros too), never copied into the
 * tree. Each variant runs --runs times; the best wall time and its CPU time (user + system of the process,
 * DuckDB's threads included: the steadier figure on a shared machine) are printed, with the process's
 * peak resident memory. The current table is then compared with the `before` one, column by column and
 * row by row (EXCEPT ALL both ways): the rewrite must give identical results.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../src/db/open-database.ts';
import { runSqlFile, splitStatements } from '../src/db/sql-file.ts';
import { loadPipeline } from '../src/config/load-pipeline.ts';
import { loadSources } from '../src/ingest/load-sources.ts';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { computeMetrics } from '../src/analyze/metrics/compute-metrics.ts';
import { metricGrains } from '../src/analyze/metrics/metric-options.ts';

const AS_OF = '2026-11-01';
const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    threads: { type: 'string' },
    before: { type: 'string', default: '006cba8' },
    srs: { type: 'string', default: 'c213ded' },
    child: { type: 'string' },
    db: { type: 'string' },
  },
});
const scale = Number(args.scale);
const runs = Number(args.runs);
const threads = args.threads === undefined ? undefined : Number(args.threads);
const pipeline = loadPipeline(join(ROOT, 'pipelines', 'demo.yaml')).pipeline;
const params = {
  as_of: AS_OF,
  grains: listValue(metricGrains(pipeline.settings)),
  min_n: pipeline.settings.min_n,
  fdr_level: pipeline.settings.fdr_level,
};

interface Timing {
  readonly variant: string;
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakRssMb: number;
  readonly phaseWallS?: number;
  readonly phaseCpuS?: number;
  readonly identical?: string;
}

/** Runs SQL text statement by statement with the parameters each statement uses (as runSqlFile does). */
async function runText(conn: DuckDBConnection, text: string): Promise<void> {
  for (const statement of splitStatements(text)) {
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement)));
    await conn.run(statement, used);
  }
}

const gitShow = (rev: string, file: string): string => execFileSync('git', ['show', `${rev}:${file}`], { cwd: ROOT, encoding: 'utf8' });

/** Best-of-runs wall time and the CPU time of that run. */
async function time(fn: () => Promise<void>): Promise<{ wallS: number; cpuS: number }> {
  let best = { wallS: Infinity, cpuS: Infinity };
  for (let run = 0; run < runs; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (wallS < best.wallS) best = { wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
  }
  return best;
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function child(variant: string, dbPath: string): Promise<Timing> {
  const db = await openDatabase(dbPath, { threads });
  const conn = db.connection;
  try {
    if (variant === 'current') {
      await runSqlFile(conn, 'metrics/create-stat-macros');
      const cells = await time(() => runSqlFile(conn, 'metrics/create-metric-cells', params));
      const phase = await time(async () => { await computeMetrics(conn, { asOf: AS_OF, settings: pipeline.settings }); });
      const rss = peakRssMb();
      // the same table by the `before` SQL, compared row by row
      await conn.run('ALTER TABLE metric_cells RENAME TO metric_cells_current');
      await runText(conn, gitShow(args.before, 'sql/metrics/create-stat-macros.sql'));
      await runText(conn, gitShow(args.before, 'sql/metrics/create-metric-cells.sql'));
      const count = async (sql: string): Promise<number> => Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
      const rows = await count('SELECT count(*) FROM metric_cells_current');
      const missing = await count('SELECT count(*) FROM (SELECT * FROM metric_cells EXCEPT ALL SELECT * FROM metric_cells_current)');
      const extra = await count('SELECT count(*) FROM (SELECT * FROM metric_cells_current EXCEPT ALL SELECT * FROM metric_cells)');
      const schema = async (table: string): Promise<string> => JSON.stringify((await conn.runAndReadAll(`DESCRIBE ${table}`)).getRows().map((r) => [r[0], r[1]]));
      const sameSchema = (await schema('metric_cells')) === (await schema('metric_cells_current'));
      const identical = missing === 0 && extra === 0 && sameSchema ? `identical (${rows} rows)` : `DIFFERENT: ${missing} rows missing, ${extra} extra, same schema ${sameSchema}`;
      return { variant, ...cells, peakRssMb: rss, phaseWallS: phase.wallS, phaseCpuS: phase.cpuS, identical };
    }
    const rev = variant === 'srs' ? args.srs : args.before;
    await runText(conn, gitShow(rev, 'sql/metrics/create-stat-macros.sql'));
    const cellsSql = gitShow(rev, 'sql/metrics/create-metric-cells.sql');
    const cells = await time(() => runText(conn, cellsSql));
    return { variant, ...cells, peakRssMb: peakRssMb() };
  } finally {
    db.close();
  }
}

/** The demo exports and the database they load into, made once per scale under bench/.data/. */
async function prepareDatabase(): Promise<string> {
  const dir = join(ROOT, 'bench', '.data', `metrics-demo-${scale}`);
  const dataDir = join(dir, 'demo-data');
  const dbPath = join(dir, 'loaded.duckdb');
  if (existsSync(dbPath)) return dbPath;
  let t0 = performance.now();
  if (!existsSync(join(dataDir, 'ground-truth.json'))) await generateDemo({ outDir: dataDir, seed: 42, scale });
  console.log(`demo exports (scale ${scale}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // the demo pipeline's paths are ../demo-data/... relative to its folder: give it a sibling folder as base
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  t0 = performance.now();
  const db = await openDatabase(`${dbPath}.tmp`);
  await loadSources({ conn: db.connection, pipeline, baseDir: join(dir, 'pipelines'), workDir: join(dir, 'work'), asOf: AS_OF });
  await db.connection.run('CHECKPOINT');
  db.close();
  copyFileSync(`${dbPath}.tmp`, dbPath);
  rmSync(`${dbPath}.tmp`);
  console.log(`ingest: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dbPath;
}

if (args.child !== undefined && args.db !== undefined) {
  process.stdout.write(JSON.stringify(await child(args.child, args.db)));
} else {
  const dbPath = await prepareDatabase();
  const db = await openDatabase(dbPath, { readOnly: true });
  const responses = Number((await db.connection.runAndReadAll('SELECT count(*) FROM responses')).getRows()[0][0]);
  const accounts = Number((await db.connection.runAndReadAll('SELECT count(DISTINCT account_id) FROM responses')).getRows()[0][0]);
  db.close();
  console.log(`metrics phase on the demo: ${responses.toLocaleString('en')} responses, ${accounts.toLocaleString('en')} accounts, grains ${metricGrains(pipeline.settings).join(', ')}, best of ${runs}${threads === undefined ? '' : `, ${threads} threads`}`);
  const results: Timing[] = [];
  for (const variant of ['srs', 'before', 'current']) {
    const copy = join(ROOT, 'bench', '.data', `metrics-${variant}.duckdb`);
    copyFileSync(dbPath, copy);
    const extra = [...(threads === undefined ? [] : ['--threads', String(threads)]), '--runs', String(runs), '--before', args.before, '--srs', args.srs];
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', variant, '--db', copy, '--scale', String(scale), ...extra], { cwd: ROOT, encoding: 'utf8' });
    rmSync(copy);
    rmSync(`${copy}.wal`, { force: true });
    results.push(JSON.parse(out) as Timing);
  }
  const label: Record<string, string> = {
    srs: `metric_cells, SRS margins only (${args.srs})`,
    before: `metric_cells, clustered, per-cluster grouping sets (${args.before})`,
    current: 'metric_cells, clustered, roll-up (this tree)',
  };
  for (const r of results) {
    console.log(`${label[r.variant].padEnd(62)} ${r.wallS.toFixed(2).padStart(6)} s wall ${r.cpuS.toFixed(2).padStart(6)} s CPU   peak RSS ${r.peakRssMb} MB`);
  }
  const current = results.find((r) => r.variant === 'current');
  if (current?.phaseWallS !== undefined && current.phaseCpuS !== undefined) {
    console.log(`${'whole metrics phase (computeMetrics), this tree'.padEnd(62)} ${current.phaseWallS.toFixed(2).padStart(6)} s wall ${current.phaseCpuS.toFixed(2).padStart(6)} s CPU`);
    console.log(`current vs before: ${current.identical}`);
  }
}

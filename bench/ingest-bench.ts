/**
 * Ingest + validation throughput vs a plain DuckDB read_csv of the same files, side by side in one run.
 *   npx tsx bench/ingest-bench.ts [responses=1000000] [accounts=200000] [memory limit, e.g. 256MB]
 * Generates the CSVs (inside DuckDB) into bench/.data/, then for each of 3 rounds times:
 *   raw    — CREATE TABLE AS SELECT * FROM read_csv(file) for both files, into a file-backed database
 *   ecoute — loadSources(): staging through DuckDB's reader, every check, quarantine, reconciliation
 * and prints the best round of each, the ratio (goal ≥ 0.7) and the process's peak memory. With a memory
 * limit (DuckDB's memory_limit, what settings.memory_limit sets for a run) both sides run under it: DuckDB
 * spills to disk instead of growing, which shows the memory a run needs is bounded by configuration.
 * Both wall-clock and CPU time (user + system of this process, DuckDB's threads included) are shown:
 * on a shared machine the CPU-time ratio is the steadier one.
 */
import { mkdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import { loadSources } from '../src/ingest/load-sources.ts';
import { parsePipelineText } from '../src/config/load-pipeline.ts';
import { runSqlFile } from '../src/db/sql-file.ts';

const nResponses = Number(process.argv[2] ?? 1_000_000);
const nAccounts = Number(process.argv[3] ?? 200_000);
const memoryLimit = process.argv[4];
const dir = join(import.meta.dirname, '.data', `ingest-${nResponses}-${nAccounts}`);
mkdirSync(dir, { recursive: true });
const responsesCsv = join(dir, 'responses.csv');
const accountsCsv = join(dir, 'accounts.csv');

if (!existsSync(responsesCsv)) {
  const db = await openDatabase();
  await runSqlFile(db.connection, 'bench/generate-accounts-csv', { n: nAccounts, path: accountsCsv });
  await runSqlFile(db.connection, 'bench/generate-responses-csv', { n: nResponses, accounts: nAccounts, path: responsesCsv });
  db.close();
}

const pipelineYaml = `
name: bench
sources:
  accounts:
    path: accounts.csv
    columns: { account_id: account_id, name: name, segment: segment, region: region, owner: owner, tier: tier }
  responses:
    path: responses.csv
    columns:
      response_id: response_id
      contact_id: contact_id
      account_id: account_id
      submitted_at: submitted_at
      channel: channel
      survey_type: survey_type
      journey_stage: journey_stage
      nps: nps
      csat: csat
      verbatim: comment
      language: language
      duration_seconds: duration
      ratings: { ease: rating_ease, support: rating_support, value: rating_value }
settings: { speeder_seconds: 10 }
`;
writeFileSync(join(dir, 'bench.yaml'), pipelineYaml);
const parsed = parsePipelineText(pipelineYaml);
if (parsed.value === undefined) throw new Error(JSON.stringify(parsed.problems));
const pipeline = parsed.value;

interface Timed {
  seconds: number;
  cpu: number;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function timeRaw(): Promise<Timed> {
  const path = join(dir, 'raw.duckdb');
  rmSync(path, { force: true });
  const db = await openDatabase(path, { memoryLimit });
  const t0 = performance.now();
  const c0 = cpuSeconds();
  await db.connection.run('CREATE TABLE accounts AS SELECT * FROM read_csv($p)', { p: accountsCsv });
  await db.connection.run('CREATE TABLE responses AS SELECT * FROM read_csv($p)', { p: responsesCsv });
  await db.connection.run('CHECKPOINT');
  const t = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 };
  db.close();
  return t;
}

async function timeEcoute(): Promise<Timed & { read: number; accepted: number; quarantined: number }> {
  const path = join(dir, 'ecoute.duckdb');
  rmSync(path, { force: true });
  const db = await openDatabase(path, { memoryLimit });
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const result = await loadSources({ conn: db.connection, pipeline, baseDir: dir, workDir: join(dir, 'work'), asOf: '2026-11-01' });
  await db.connection.run('CHECKPOINT');
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  db.close();
  const sum = (k: 'rowsRead' | 'rowsAccepted' | 'rowsQuarantined'): number => result.sources.reduce((s, x) => s + x.reconciliation[k], 0);
  return { seconds, cpu, read: sum('rowsRead'), accepted: sum('rowsAccepted'), quarantined: sum('rowsQuarantined') };
}

const rows = nResponses + nAccounts;
const best = { raw: { seconds: Infinity, cpu: Infinity }, ecoute: { seconds: Infinity, cpu: Infinity } };
let last = { read: 0, accepted: 0, quarantined: 0 };
for (let round = 1; round <= 3; round++) {
  const raw = await timeRaw();
  const ecoute = await timeEcoute();
  for (const [k, t] of [['raw', raw], ['ecoute', ecoute]] as const) {
    best[k].seconds = Math.min(best[k].seconds, t.seconds);
    best[k].cpu = Math.min(best[k].cpu, t.cpu);
  }
  last = ecoute;
  console.log(`round ${round}: raw read_csv ${raw.seconds.toFixed(2)} s (cpu ${raw.cpu.toFixed(2)} s), ecoute ingest+validation ${ecoute.seconds.toFixed(2)} s (cpu ${ecoute.cpu.toFixed(2)} s)`);
}
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`\nrows: ${fmt(nResponses)} responses + ${fmt(nAccounts)} accounts (best of 3 rounds)`);
console.log(`raw DuckDB read_csv:        ${fmt(rows / best.raw.seconds)} rows/s wall (${best.raw.seconds.toFixed(2)} s), ${fmt(rows / best.raw.cpu)} rows per CPU-second`);
console.log(`ecoute ingest + validation: ${fmt(rows / best.ecoute.seconds)} rows/s wall (${best.ecoute.seconds.toFixed(2)} s), ${fmt(rows / best.ecoute.cpu)} rows per CPU-second`);
console.log(`ratio ecoute / raw: ${(best.raw.seconds / best.ecoute.seconds).toFixed(2)} wall, ${(best.raw.cpu / best.ecoute.cpu).toFixed(2)} CPU (goal >= 0.70)`);
console.log(`reconciliation: read ${fmt(last.read)} = accepted ${fmt(last.accepted)} + quarantined ${fmt(last.quarantined)}`);
console.log(`peak memory (process RSS, includes DuckDB): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${memoryLimit === undefined ? '' : ` with DuckDB's memory_limit ${memoryLimit} on both sides`}`);

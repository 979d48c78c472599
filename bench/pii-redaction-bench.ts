/**
 * PII redaction speed in DuckDB: `npx tsx bench/pii-redaction-bench.ts [count] [old-macro.sql]`
 *
 * Runs `redact_pii` (sql/classify/create-redact-pii-macro.sql) over the verbatims of the demo company
 * (generated into a temp folder, seed 42, ~100,000 responses) plus, every tenth row, a sentence of the PII
 * test corpus, and prints the time, the median of three. Given the path of an earlier version of the
 * macro file (e.g. `git show main:sql/classify/create-redact-pii-macro.sql > /tmp/old.sql`), times it on
 * the same texts as the baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import { runSqlFile, splitStatements } from '../src/db/sql-file.ts';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { piiCorpus } from '../test/classify-pipeline/pii-corpus.ts';

const baseline = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'ecoute-pii-bench-'));
await generateDemo({ outDir: dir, seed: 42 });
const corpus = piiCorpus();

const db = await openDatabase();
const conn = db.connection;
await conn.run("CREATE TABLE texts AS SELECT Comment AS t FROM read_csv($glob, all_varchar = true)", { glob: join(dir, 'responses-*.csv') });
rmSync(dir, { recursive: true, force: true });
await conn.run('CREATE TABLE pii (t VARCHAR)');
const appender = await conn.createAppender('pii');
for (const c of corpus) {
  appender.appendVarchar(c.sentence);
  appender.endRow();
}
appender.closeSync();
await conn.run('INSERT INTO texts SELECT p.t FROM range(0, (SELECT count(*) FROM texts) // 10 // $n) r(i), pii p', { n: corpus.length });
const count = Number((await conn.runAndReadAll('SELECT count(*) FROM texts')).getRows()[0]![0]);

async function time(label: string): Promise<void> {
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    await conn.run('CREATE OR REPLACE TEMP TABLE redacted AS SELECT redact_pii(t) AS r FROM texts');
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: ${(runs[1]! / 1000).toFixed(2)} s for ${count.toLocaleString('en-US')} verbatims (median of 3)`);
}

await runSqlFile(conn, 'classify/create-redact-pii-macro');
await time('redact_pii');
if (baseline !== undefined) {
  for (const s of splitStatements(readFileSync(baseline, 'utf8'))) await conn.run(s);
  await time(`baseline ${baseline}`);
}
db.close();

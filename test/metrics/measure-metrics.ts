/**
 * Performance sanity check (not a test): computeMetrics on synthetic responses generated inside DuckDB.
 *   npx tsx test/metrics/measure-metrics.ts [responses=1000000]
 */
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { insertSyntheticData } from './synthetic-data.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const db = await openDatabase();
try {
  await runSqlFile(db.connection, 'ingest/create-canonical-tables');
  let t = performance.now();
  await insertSyntheticData(db.connection, n, 5000);
  console.log(`generated ${n} responses + ${Math.round(n * 1.5)} invitations in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const settings = settingsSchema.parse({ periods: ['month', 'quarter', 'week'] });
  for (let run = 1; run <= 2; run++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    const summary = await computeMetrics(db.connection, { asOf: '2024-12-31', settings });
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - t) / 1000;
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(`run ${run}: computeMetrics ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (all threads), tables ${JSON.stringify(summary.tables)}`);
    if (run === 2) console.log(JSON.stringify({ nps: summary.nps, npsChange: summary.npsChange, responseRates: summary.responseRates }, null, 1));
  }
} finally {
  db.close();
}

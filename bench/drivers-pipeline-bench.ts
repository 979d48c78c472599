/**
 * Driver-phase benchmark on DuckDB tables: `npx tsx bench/drivers-pipeline-bench.ts [responses]`
 *
 * bench/drivers-bench.ts times the pure statistics (weights, Shapley, logistic regression, theme
 * bootstrap). This one times the whole computeDrivers phase and its DuckDB aggregations on
 * 1,000,000 responses (5 attribute ratings each, ~0.5 theme mentions per response, 10 themes)
 * from 100,000 accounts with one renewal decision each: the scope tables, the theme × NPS-category
 * counts, the rating moments (one pass for the correlation matrix and its bootstrap groups), the
 * account-level churn features, and the end-to-end phase with 200 and 1,000 resamples, step by step.
 *
 * Measured on the 2-core dev machine (1M responses, 1,000 resamples): 39.0 s before the speed
 * work (ratings pivoted to sorted lists, count-distinct coverage, O(log n) binomial draws, ARR
 * draws account by account, JSON row objects, 50-iteration separated fits), 9.4 s after
 * (scope 0.4, theme impact 0.5, key drivers 1.8, Kano 0.2, churn units 2.0, churn model 1.8,
 * scoring and ARR draws 1.6, ROI and the rest 0.4, owners 0.4, tables 0.4); 200 resamples 8.4 s.
 * With the account-level bootstraps (theme impact per account group, key drivers per account, ARR at
 * risk by a one-step account bootstrap), measured only under a load average of 19-27 on the 2 cores
 * (every step 10-30× slower than above, unchanged steps included): 200 resamples 271 s, theme impact
 * 65 s of it; the theme-impact resampling alone is 0.5 s per cell of 2,000 account groups × 40 theme ×
 * sentiment series × 1,000 resamples. Not re-measured on a quiet machine.
 *
 * The generator SQL is written here (constants only, no user input).
 */
import { openDatabase } from '../src/db/open-database.ts';
import { runSqlFile, querySqlFile } from '../src/db/sql-file.ts';
import { computeDrivers } from '../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../src/analyze/drivers/drivers-config-schema.ts';
import { readRatingMoments } from '../src/analyze/drivers/rating-moments.ts';
import { loadChurnUnits } from '../src/analyze/drivers/churn-units.ts';
import { createRatingRows, countCompleteRows } from '../src/analyze/drivers/rating-rows.ts';
import { settingsSchema } from '../src/config/pipeline-schema.ts';

const RESPONSES = Number(process.argv[2] ?? 1_000_000);
const ACCOUNTS = Math.max(1000, Math.round(RESPONSES / 10));
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0).padStart(7)} ms`;

const db = await openDatabase();
const conn = db.connection;
let t0 = performance.now();
await runSqlFile(conn, 'ingest/create-canonical-tables');
await conn.run('SELECT setseed(0.17)');
await conn.run(`INSERT INTO accounts (account_id, segment, owner)
  SELECT 'A' || i, ['SMB', 'Mid-Market', 'Enterprise'][1 + (i % 3)], 'owner ' || (i % 50) FROM range(${ACCOUNTS}) t(i)`);
await conn.run(`CREATE TEMP TABLE bench_latent AS
  SELECT i, 'R' || i AS response_id, 'A' || (hash(i) % ${ACCOUNTS}) AS account_id,
    TIMESTAMP '2024-11-01' + to_seconds((random() * 730 * 86400)::BIGINT) AS submitted_at,
    1 + floor(random() * 5) AS r1, 1 + floor(random() * 5) AS r2, 1 + floor(random() * 5) AS r3,
    1 + floor(random() * 5) AS r4, 1 + floor(random() * 5) AS r5, random() AS u, floor(random() * 20)::INTEGER AS theme
  FROM range(${RESPONSES}) t(i)`);
await conn.run(`INSERT INTO responses (response_id, contact_id, account_id, submitted_at, journey_stage, nps, ratings)
  SELECT response_id, 'C' || (hash(i) % ${ACCOUNTS * 3}), account_id, submitted_at, ['onboarding', 'adoption', 'support', 'billing', 'renewal'][1 + (i % 5)],
    least(10, greatest(0, round(-2 + 0.6 * r1 + 0.5 * r2 + 0.4 * r3 + 0.3 * r4 + 0.2 * r5 + 2 * (u - 0.5) - CASE WHEN theme < 3 THEN 1.5 ELSE 0 END)))::INTEGER,
    [r1, r2, r3, r4, r5]
  FROM bench_latent`);
await conn.run("INSERT INTO rating_attributes VALUES (1, 'a1'), (2, 'a2'), (3, 'a3'), (4, 'a4'), (5, 'a5')");
await conn.run(`CREATE TABLE theme_mentions AS
  SELECT response_id, 'theme_' || theme AS theme_id, CASE WHEN u < 0.6 THEN 'negative' ELSE 'positive' END AS sentiment_label
  FROM bench_latent WHERE theme < 10`);
await conn.run(`INSERT INTO revenue (account_id, period, arr) SELECT 'A' || i, DATE '2024-11-01', 5000 + (hash(i) % 200000) FROM range(${ACCOUNTS}) t(i)`);
await conn.run(`INSERT INTO churn_events (account_id, event_date, outcome)
  SELECT 'A' || i, DATE '2025-11-01' + ((hash(i) % 360)::INTEGER), CASE WHEN random() < 0.15 THEN 'churned' ELSE 'renewed' END FROM range(${ACCOUNTS}) t(i)`);
await conn.run('DROP TABLE bench_latent');
console.log(`generate ${RESPONSES.toLocaleString('en')} responses, ${ACCOUNTS.toLocaleString('en')} accounts: ${ms(t0)}`);

t0 = performance.now();
await runSqlFile(conn, 'drivers/create-scope-responses', { as_of: '2026-10-31', window_days: 0 });
await runSqlFile(conn, 'drivers/create-scope-mentions');
await runSqlFile(conn, 'drivers/create-cluster-groups', { groups: 2000, seed: 1 });
console.log(`scope tables (responses + mentions + clusters)     : ${ms(t0)}`);
t0 = performance.now();
await querySqlFile(conn, 'drivers/select-theme-nps-cluster-counts');
await querySqlFile(conn, 'drivers/select-nps-cluster-totals');
console.log(`theme × sentiment × NPS-category counts per account group (3 dims): ${ms(t0)}`);
t0 = performance.now();
await runSqlFile(conn, 'drivers/create-rating-scope');
console.log(`ratings of the scope, unnested (drivers_ratings)    : ${ms(t0)}`);
t0 = performance.now();
const coverage = await createRatingRows(conn, ['a1', 'a2', 'a3', 'a4', 'a5']);
const complete = await countCompleteRows(conn, [0, 1, 2, 3, 4]);
console.log(`rating rows (one GROUP BY, ${coverage.ratedResponses} responses)      : ${ms(t0)}`);
t0 = performance.now();
const moments = await readRatingMoments(conn, [0, 1, 2, 3, 4], complete);
console.log(`rating moments, ${moments.groups} bootstrap groups          : ${ms(t0)}`);
t0 = performance.now();
const units = await loadChurnUnits(conn, {
  asOf: '2026-10-31', windowDays: 365, downgradeIsChurn: false, tenureSource: 'first_revenue_period', coveredFrom: '2025-11-01',
  themes: Array.from({ length: 10 }, (_, i) => `theme_${i}`),
});
console.log(`account-level churn features (${units.length} units, read)  : ${ms(t0)}`);

for (const resamples of [200, 1000]) {
  t0 = performance.now();
  let lap = t0;
  const steps: string[] = [];
  const summary = await computeDrivers(conn, {
    asOf: '2026-10-31', seed: 1, settings: settingsSchema.parse({}), config: driversConfigSchema.parse({ bootstrap_resamples: resamples }),
    onStep: (step) => {
      const now = performance.now();
      steps.push(`${step} ${((now - lap) / 1000).toFixed(2)} s`);
      lap = now;
    },
  });
  console.log(`computeDrivers end to end, ${String(resamples).padStart(4)} resamples          : ${ms(t0)}  (${summary.rows.theme_impact} theme cells, ${summary.churn?.accounts ?? 0} accounts modelled, ${summary.churn?.activeAccounts ?? 0} scored)`);
  console.log(`  steps: ${steps.join(', ')}`);
}
db.close();

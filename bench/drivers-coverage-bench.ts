/**
 * Coverage of the driver intervals on the demo generator, larger than the test:
 * `npx tsx bench/drivers-coverage-bench.ts [seeds] [scale] [resamples]` (default 20 seeds at scale 0.2,
 * 500 resamples). For each seed: a demo company with its true theme mentions, computeDrivers, and each
 * theme's 95 % intervals of ARR at risk (vs the planted churn model on the same active accounts) and
 * of negative-mention NPS impact (vs the pooled value of the other seeds); see test/drivers/demo-coverage.ts.
 * Prints the share of (seed × theme) intervals containing the planted value, overall and per theme.
 */
import { arrCoverage, impactCoverage, runSeed, type SeedResult } from '../test/drivers/demo-coverage.ts';

const seeds = Number(process.argv[2] ?? 20);
const scale = Number(process.argv[3] ?? 0.2);
const resamples = Number(process.argv[4] ?? 500);
const t0 = performance.now();
const results: SeedResult[] = [];
for (let seed = 1; seed <= seeds; seed++) results.push(await runSeed(seed, scale, resamples));
const arr = arrCoverage(results);
const impact = impactCoverage(results);
const pct = (c: { covered: number; total: number }): string => `${c.covered}/${c.total} (${((100 * c.covered) / c.total).toFixed(1)} %)`;
console.log(`${seeds} seeds at scale ${scale}, ${resamples} resamples, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`ARR at risk: ${pct(arr)} ${JSON.stringify(arr.byTheme)}`);
console.log(`theme impact: ${pct(impact)} ${JSON.stringify(impact.byTheme)}`);

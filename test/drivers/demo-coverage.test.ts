/**
 * Coverage of the driver intervals on repeated draws of the demo generator (test/drivers/demo-coverage.ts
 * says what is compared with what): over 10 seeds at scale 0.05 (~800 accounts, ~5,300 responses each),
 * the 95 % intervals of every theme's ARR at risk and negative-mention NPS impact contain the planted
 * value in at least 90 % of the (seed × theme) cases. bench/drivers-coverage-bench.ts runs more seeds
 * at a larger scale.
 */
import { describe, it, expect } from 'vitest';
import { arrCoverage, impactCoverage, runSeed, type SeedResult } from './demo-coverage.ts';

describe('coverage on the demo generator', () => {
  it('ARR-at-risk and theme-impact intervals contain the planted values in ≥ 90 % of cases', async () => {
    const results: SeedResult[] = [];
    for (let seed = 1; seed <= 10; seed++) results.push(await runSeed(seed, 0.05, 200));
    const arr = arrCoverage(results);
    const impact = impactCoverage(results);
    console.log(`demo coverage, 10 seeds at scale 0.05: ARR at risk ${arr.covered}/${arr.total} ${JSON.stringify(arr.byTheme)}; theme impact ${impact.covered}/${impact.total} ${JSON.stringify(impact.byTheme)}`);
    expect(arr.total).toBeGreaterThanOrEqual(80);
    expect(impact.total).toBe(100);
    expect(arr.covered / arr.total).toBeGreaterThanOrEqual(0.9);
    expect(impact.covered / impact.total).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});

/**
 * Intervals cover the planted truth at about their nominal rate, on repeated simulations:
 * - theme impact (count bootstrap through the DuckDB path) vs the true impact f·(NPS_with − NPS_without);
 * - attributable ARR at risk (coefficient draws) vs the value under the true churn coefficients.
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { createRng } from '../../src/util/random.ts';
import { computeThemeImpact } from '../../src/analyze/drivers/theme-impact-table.ts';
import { buildDesignSpec, designMatrix } from '../../src/analyze/drivers/design-matrix.ts';
import { fitChurnModel } from '../../src/analyze/drivers/churn-model-table.ts';
import { logisticCovariance } from '../../src/analyze/drivers/logistic-covariance.ts';
import { themeArrAtRisk } from '../../src/analyze/drivers/account-risk.ts';
import type { ChurnUnit } from '../../src/analyze/drivers/churn-units.ts';
import { loadFixture, day, type FixtureRow } from './fixture.ts';

describe('interval coverage on repeated simulations', () => {
  it('theme impact: the 95 % bootstrap interval covers the true impact in about 95 % of 80 samples', async () => {
    // mention probability 0.2; category probabilities (promoter, passive, detractor) with / without the theme
    const f = 0.2;
    const withP = [0.2, 0.3, 0.5];
    const withoutP = [0.5, 0.3, 0.2];
    const npsOfP = (p: number[]): number => 100 * (p[0] - p[2]);
    const truth = f * (npsOfP(withP) - npsOfP(withoutP));
    const db = await openDatabase();
    const rng = createRng(11);
    const score = (p: number[]): number => { const u = rng.next(); return u < p[0] ? 10 : u < p[0] + p[1] ? 8 : 3; };
    let covered = 0;
    const sims = 80;
    for (let s = 0; s < sims; s++) {
      const responses: FixtureRow[] = [];
      const mentions: FixtureRow[] = [];
      for (let i = 0; i < 1500; i++) {
        const has = rng.chance(f);
        responses.push({ response_id: `R${i}`, account_id: 'A', submitted_at: day(i % 300), nps: score(has ? withP : withoutP) });
        if (has) mentions.push({ response_id: `R${i}`, theme_id: 't', sentiment_label: 'negative' });
      }
      await db.connection.run('DROP TABLE IF EXISTS responses; DROP TABLE IF EXISTS theme_mentions; DROP TABLE IF EXISTS accounts');
      await loadFixture(db.connection, { accounts: [{ account_id: 'A', segment: 'S' }], responses, mentions });
      await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2026-01-01', window_days: 0 });
      await runSqlFile(db.connection, 'drivers/create-scope-mentions');
      const rows = await computeThemeImpact(db.connection, { seed: s, replicates: 300, level: 0.95, minN: 30, themes: ['t'], label: (x) => x });
      const row = rows.find((r) => r.dimension === 'overall' && r.sentiment === 'any');
      if (Number(row?.impact_ci_low) <= truth && truth <= Number(row?.impact_ci_high)) covered++;
    }
    db.close();
    expect(covered / sims).toBeGreaterThanOrEqual(0.87);
    expect(covered / sims).toBeLessThanOrEqual(1);
  });

  it('ARR at risk: the coefficient-draw interval covers the true attributable ARR in about 95 % of 100 fits', () => {
    const rng = createRng(21);
    const beta = { intercept: -2, theme: 0.8, detractor: 0.5 };
    const unit = (i: number, kind: 'train' | 'score'): ChurnUnit => {
      const theme = rng.chance(0.25);
      const detractor = rng.chance(0.3);
      const eta = beta.intercept + (theme ? beta.theme : 0) + (detractor ? beta.detractor : 0);
      return {
        unit: kind, accountId: `${kind}${i}`, refDate: '2026-01-01', churned: kind === 'train' ? (rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0) : null,
        segment: 'S', owner: 'O', arr: 10_000 + 1000 * (i % 7), tenureYears: Number.NaN, npsResponses: 1, meanNps: detractor ? 4 : 8,
        negativeThemes: theme ? ['t'] : [], positiveThemes: [], anyThemes: theme ? ['t'] : [],
      };
    };
    const active = Array.from({ length: 400 }, (_, i) => unit(i, 'score'));
    const sig = (x: number): number => 1 / (1 + Math.exp(-x));
    const truth = active.reduce((acc, u) => {
      if (!u.negativeThemes.includes('t')) return acc;
      const eta = beta.intercept + beta.theme + (u.meanNps < 7 ? beta.detractor : 0);
      return acc + u.arr * (sig(eta) - sig(eta - beta.theme));
    }, 0);
    let covered = 0;
    const fits = 100;
    for (let s = 0; s < fits; s++) {
      const train = Array.from({ length: 1500 }, (_, i) => unit(i, 'train'));
      const spec = buildDesignSpec(train, { themes: ['t'], includePositive: false, arrBands: [1e9], useTenure: false });
      const fit = fitChurnModel(spec, train, 0.95);
      const covariance = logisticCovariance(fit.model, fit.x, fit.n, fit.k);
      const [risk] = themeArrAtRisk({ model: fit.model, covariance, spec, x: designMatrix(spec, active), units: active, level: 0.95 }, () => 1, 300, s + 1);
      if ((risk?.low ?? Number.NaN) <= truth && truth <= (risk?.high ?? Number.NaN)) covered++;
    }
    expect(covered / fits).toBeGreaterThanOrEqual(0.88);
  });

  it('the covariance reproduces the logistic model\'s standard errors', () => {
    const rng = createRng(4);
    const train: ChurnUnit[] = Array.from({ length: 800 }, (_, i) => {
      const theme = rng.chance(0.3);
      return {
        unit: 'train', accountId: `a${i}`, refDate: '2026-01-01', churned: rng.chance(theme ? 0.35 : 0.15) ? 1 : 0, segment: i % 2 ? 'A' : 'B', owner: 'O',
        arr: 1000 * (1 + (i % 50)), tenureYears: (i % 9) / 2, npsResponses: 1, meanNps: i % 3 === 0 ? 5 : 9,
        negativeThemes: theme ? ['t'] : [], positiveThemes: [], anyThemes: [],
      };
    });
    const spec = buildDesignSpec(train, { themes: ['t'], includePositive: false, arrBands: [20_000], useTenure: true });
    const fit = fitChurnModel(spec, train, 0.95);
    const cov = logisticCovariance(fit.model, fit.x, fit.n, fit.k);
    const p = fit.model.columns.length;
    for (let j = 0; j < p; j++) expect(Math.sqrt(cov[j * p + j])).toBeCloseTo(fit.model.standardErrors[j], 6);
  });
});

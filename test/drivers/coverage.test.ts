/**
 * Intervals cover the planted truth at about their nominal rate, on repeated simulations:
 * - theme impact (account bootstrap through the DuckDB path) on responses clustered by account vs the
 *   population impact NPS_all − NPS_without;
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
import { accountBootstrapCoefficients } from '../../src/analyze/drivers/account-bootstrap-coefficients.ts';
import type { ChurnUnit } from '../../src/analyze/drivers/churn-units.ts';
import { loadFixture, day, type FixtureRow } from './fixture.ts';

describe('interval coverage on repeated simulations', () => {
  it('theme impact: the 95 % account-bootstrap interval covers the true impact in about 95 % of 50 clustered samples', async () => {
    // 60 accounts × 25 responses; half the accounts are 'troubled': they mention the theme more
    // often and score lower, so responses cluster by account (a response bootstrap would be too narrow)
    const types = [
      { share: 0.5, f: 0.35, withP: [0.1, 0.3, 0.6], withoutP: [0.35, 0.35, 0.3] },
      { share: 0.5, f: 0.05, withP: [0.3, 0.3, 0.4], withoutP: [0.6, 0.25, 0.15] },
    ];
    const npsOfP = (p: number[]): number => 100 * (p[0] - p[2]);
    // population truth: NPS_all − NPS_without over the mixture of account types (equal responses per account)
    const npsAll = types.reduce((acc, t) => acc + t.share * (t.f * npsOfP(t.withP) + (1 - t.f) * npsOfP(t.withoutP)), 0);
    const without = types.reduce((acc, t) => acc + t.share * (1 - t.f) * npsOfP(t.withoutP), 0) / types.reduce((acc, t) => acc + t.share * (1 - t.f), 0);
    const truth = npsAll - without;
    const db = await openDatabase();
    const rng = createRng(11);
    const score = (p: number[]): number => { const u = rng.next(); return u < p[0] ? 10 : u < p[0] + p[1] ? 8 : 3; };
    let covered = 0;
    let coveredByResponses = 0;
    const sims = 50;
    for (let s = 0; s < sims; s++) {
      const responses: FixtureRow[] = [];
      const mentions: FixtureRow[] = [];
      const accounts: FixtureRow[] = [];
      for (let a = 0; a < 60; a++) {
        const t = rng.chance(types[0].share) ? types[0] : types[1];
        accounts.push({ account_id: `A${a}`, segment: 'S' });
        for (let j = 0; j < 25; j++) {
          const i = a * 25 + j;
          const has = rng.chance(t.f);
          responses.push({ response_id: `R${i}`, account_id: `A${a}`, submitted_at: day(i % 300), nps: score(has ? t.withP : t.withoutP) });
          if (has) mentions.push({ response_id: `R${i}`, theme_id: 't', sentiment_label: 'negative' });
        }
      }
      await db.connection.run('DROP TABLE IF EXISTS responses; DROP TABLE IF EXISTS theme_mentions; DROP TABLE IF EXISTS accounts');
      await loadFixture(db.connection, { accounts, responses, mentions });
      await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2026-01-01', window_days: 0, metric: 'nps' });
      await runSqlFile(db.connection, 'drivers/create-scope-mentions');
      await runSqlFile(db.connection, 'drivers/create-cluster-groups', { groups: 2000, seed: s });
      const settings = { seed: s, replicates: 300, level: 0.95, minN: 30, themes: ['t'], label: (x: string) => x, fdrLevel: 0.05 };
      const find = (rows: Record<string, unknown>[]) => rows.find((r) => r.dimension === 'overall' && r.sentiment === 'any');
      const row = find(await computeThemeImpact(db.connection, { ...settings, clustered: true }));
      if (Number(row?.impact_ci_low) <= truth && truth <= Number(row?.impact_ci_high)) covered++;
      const naive = find(await computeThemeImpact(db.connection, { ...settings, clustered: false }));
      if (Number(naive?.impact_ci_low) <= truth && truth <= Number(naive?.impact_ci_high)) coveredByResponses++;
    }
    db.close();
    console.log(`theme impact coverage over ${sims} clustered samples: account bootstrap ${covered}/${sims}, response bootstrap ${coveredByResponses}/${sims}`);
    expect(covered / sims).toBeGreaterThanOrEqual(0.86);
    // resampling responses ignores the clustering: its intervals are too narrow here
    expect(coveredByResponses).toBeLessThan(covered);
  });

  it('ARR at risk: the account-bootstrap interval covers the true attributable ARR in about 95 % of 100 fits', () => {
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
      const draws = accountBootstrapCoefficients({ model: fit.model, covariance, x: fit.x, n: fit.n, k: fit.k, y: fit.y }, 300, s + 1, 2000);
      const [risk] = themeArrAtRisk({ model: fit.model, covariance, spec, x: designMatrix(spec, active), units: active, level: 0.95 }, () => 1, draws);
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

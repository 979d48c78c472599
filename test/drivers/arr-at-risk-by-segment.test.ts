/**
 * ARR at risk per segment × theme: each cell is the overall estimator applied to that segment's
 * accounts alone (a RiskInput built from its units only, same coefficient draws), the cells of a theme
 * add up to its overall ARR at risk, q-values are Benjamini–Hochberg over the cells, thin cells keep
 * their estimate flagged small_n, and the rows are the same on a second call.
 */
import { describe, it, expect } from 'vitest';
import { benjaminiHochbergQValues } from '../../src/analyze/stats/index.ts';
import { accountBootstrapCoefficients } from '../../src/analyze/drivers/account-bootstrap-coefficients.ts';
import { buildDesignSpec, designMatrix } from '../../src/analyze/drivers/design-matrix.ts';
import { fitChurnModel } from '../../src/analyze/drivers/churn-model-table.ts';
import { logisticCovariance } from '../../src/analyze/drivers/logistic-covariance.ts';
import { themeArrAtRisk } from '../../src/analyze/drivers/account-risk.ts';
import { arrAtRiskBySegment } from '../../src/analyze/drivers/arr-at-risk-by-segment.ts';
import { THEMES, units } from './risk-units.ts';

const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB'];

const closeRelative = (got: unknown, want: number, tolerance: number): void => {
  expect(typeof got).toBe('number');
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want)));
};

describe('ARR at risk by segment', () => {
  const train = units(5, 3000, 'train', SEGMENTS);
  // the active book: unequal segments (Enterprise every third account, then a thin tail of 'Startup')
  const active = [...units(6, 1800, 'score', SEGMENTS), ...units(7, 30, 'score', ['Startup']).map((u) => ({ ...u, accountId: `startup-${u.accountId}` }))];
  const spec = buildDesignSpec(train, { themes: THEMES, includePositive: false, arrBands: [20_000, 100_000], useTenure: true, themeArrInteractions: true, minInteractionAccounts: 20 });
  const fit = fitChurnModel(spec, train, 0.95);
  const covariance = logisticCovariance(fit.model, fit.x, fit.n, fit.k);
  const input = { model: fit.model, covariance, spec, x: designMatrix(spec, active), units: active, level: 0.95 };
  const betaDraws = accountBootstrapCoefficients({ model: fit.model, covariance, x: fit.x, n: fit.n, k: fit.k, y: fit.y }, 300, 23, 2000);
  const weight = (segment: string): number => (segment === 'Enterprise' ? 2 : 1);
  const settings = { segmentWeight: weight, betaDraws, label: (id: string) => id.toUpperCase(), minN: 20, fdrLevel: 0.05 };
  const rows = arrAtRiskBySegment(input, settings);
  const cell = (segment: string, theme: string) => rows.find((r) => r.segment === segment && r.theme_id === theme);

  it('each cell is the estimator on the segment\'s accounts alone, with the same draws', () => {
    expect(rows.length).toBe((SEGMENTS.length + 1) * THEMES.length);
    for (const segment of [...SEGMENTS, 'Startup']) {
      const own = active.filter((u) => u.segment === segment);
      const alone = themeArrAtRisk({ ...input, x: designMatrix(spec, own), units: own }, weight, betaDraws);
      for (const t of alone) {
        const r = cell(segment, t.themeId);
        expect(r, `${segment} × ${t.themeId}`).toBeDefined();
        expect(r?.active_accounts_mentioning).toBe(t.accounts);
        expect(r?.theme_label).toBe(t.themeId.toUpperCase());
        closeRelative(r?.arr_of_active_accounts_mentioning, t.arrOfAccounts, 1e-12);
        closeRelative(r?.arr_at_risk, t.arrAtRisk, 1e-9);
        closeRelative(r?.arr_at_risk_ci_low, t.low, 1e-9);
        closeRelative(r?.arr_at_risk_ci_high, t.high, 1e-9);
        closeRelative(r?.arr_at_risk_p_value, t.pValue, 1e-12);
      }
    }
  });

  it('the cells of a theme add up to its overall ARR at risk (within 1e-6 relative); intervals are each cell\'s own', () => {
    const overall = themeArrAtRisk(input, weight, betaDraws);
    for (const t of overall) {
      const cells = rows.filter((r) => r.theme_id === t.themeId);
      const sum = cells.reduce((acc, r) => acc + Number(r.arr_at_risk), 0);
      expect(Math.abs(t.arrAtRisk)).toBeGreaterThan(1000);
      expect(Math.abs(sum - t.arrAtRisk) / Math.abs(t.arrAtRisk)).toBeLessThan(1e-6);
      expect(cells.reduce((acc, r) => acc + Number(r.active_accounts_mentioning), 0)).toBe(t.accounts);
      for (const r of cells) {
        expect(Number(r.arr_at_risk_ci_low)).toBeLessThanOrEqual(Number(r.arr_at_risk));
        expect(Number(r.arr_at_risk_ci_high)).toBeGreaterThanOrEqual(Number(r.arr_at_risk));
        // a segment's share of the draws is narrower than the whole's spread
        expect(Number(r.arr_at_risk_ci_high) - Number(r.arr_at_risk_ci_low)).toBeLessThan(t.high - t.low);
      }
    }
  });

  it('q-values are Benjamini–Hochberg over the theme × segment cells; the link and rank follow them', () => {
    const q = benjaminiHochbergQValues(rows.map((r) => Number(r.arr_at_risk_p_value)));
    rows.forEach((r, i) => {
      expect(r.arr_at_risk_q_value).toBeCloseTo(q[i], 12);
      expect(Number(r.arr_at_risk_q_value)).toBeGreaterThanOrEqual(Number(r.arr_at_risk_p_value));
      const reliable = Number(r.arr_at_risk_q_value) < 0.05 && Number(r.arr_at_risk_ci_low) > 0;
      expect(r.revenue_link === 'revenue dissatisfier', `${String(r.segment)} × ${String(r.theme_id)}`).toBe(reliable);
      expect(r.rank_in_segment === null).toBe(!reliable);
    });
    // billing is planted: a revenue dissatisfier, first in each of the three large segments
    for (const segment of SEGMENTS) expect(cell(segment, 'billing')?.rank_in_segment).toBe(1);
    // onboarding carries no effect: not reliably above zero anywhere
    expect(rows.filter((r) => r.theme_id === 'onboarding' && r.revenue_link === 'revenue dissatisfier')).toEqual([]);
  });

  it('keeps a thin cell\'s estimate, flagged small_n', () => {
    const thin = rows.filter((r) => r.segment === 'Startup');
    expect(thin.length).toBeGreaterThan(0);
    for (const r of thin) {
      expect(Number(r.active_accounts_mentioning)).toBeLessThan(20);
      expect(r.small_n).toBe(true);
      expect(Number.isFinite(r.arr_at_risk)).toBe(true);
    }
    for (const segment of SEGMENTS) expect(cell(segment, 'billing')?.small_n).toBe(false);
  });

  it('is deterministic: the same rows on a second call', () => {
    expect(arrAtRiskBySegment(input, settings)).toEqual(rows);
  });
});

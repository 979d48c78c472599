/**
 * The churn and revenue linkage, from the account-level units to the tables: churn_model,
 * churn_theme_lift, account_churn_risk, dissatisfier_ranking, arr_at_risk_by_segment, roi_nps_categories, roi_scenario.
 * Returns a stated reason instead of tables when the data cannot support it (no churn events,
 * nobody churned, no accounts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriversConfig } from './drivers-config-schema.ts';
import { feedbackCoverage, loadChurnUnits, npsBand, type ChurnUnit } from './churn-units.ts';
import { arrBand, buildDesignSpec, designMatrix } from './design-matrix.ts';
import { areaUnderCurve, churnModelRows, fitChurnModel } from './churn-model-table.ts';
import { logisticCovariance } from './logistic-covariance.ts';
import { accountBootstrapCoefficients } from './account-bootstrap-coefficients.ts';
import { churnThemeLift } from './churn-theme-lift.ts';
import { scoreAccounts, themeArrAtRisk, type ThemeArrAtRisk } from './account-risk.ts';
import { arrAtRiskBySegment } from './arr-at-risk-by-segment.ts';
import { computeRoi } from './roi-tables.ts';
import { stableSeed } from './stable-seed.ts';
import { driversMessages } from './drivers-messages.ts';
import { predictLogistic } from '../stats/index.ts';
import type { TableRow } from './write-rows.ts';

export interface ChurnSettings {
  readonly asOf: string;
  readonly seed: number;
  readonly config: DriversConfig;
  readonly level: number;
  readonly minN: number;
  /** false-discovery level of the churn-lift and revenue-link findings */
  readonly fdrLevel: number;
  readonly themes: readonly string[];
  readonly label: (themeId: string) => string;
  /** called as each part ends: units read, model fitted, accounts scored (with the ARR draws) */
  readonly onStep?: (step: ChurnStep) => void;
}

export type ChurnStep = 'churn_units' | 'churn_model' | 'churn_scoring';

export interface ChurnModelSummary {
  readonly accounts: number;
  readonly churned: number;
  readonly churnRate: number;
  readonly activeAccounts: number;
  readonly activeAccountsWithoutArr: number;
  readonly totalArrAtRisk: number;
  readonly converged: boolean;
  readonly separation: boolean;
  readonly auc: number;
  readonly mcfaddenR2: number;
  /** training accounts whose tenure starts at the export's first revenue period (a lower bound) */
  readonly tenureTruncatedAccounts: number;
  readonly messages: readonly string[];
}

export interface ChurnTables {
  readonly churnModel: TableRow[];
  readonly churnThemeLift: TableRow[];
  readonly accountChurnRisk: TableRow[];
  /** per theme: ARR at risk and its interval, keyed by theme id */
  readonly arrAtRisk: Map<string, ThemeRevenueRisk>;
  /** the same per segment × theme (same estimator and draws), q-values over that family */
  readonly arrAtRiskBySegment: TableRow[];
  readonly roiCategories: TableRow[];
  readonly roiScenario: TableRow[];
  readonly summary: ChurnModelSummary;
}

/** A theme's attributable ARR at risk over the active accounts mentioning it negatively (account-risk.ts), with its odds ratio. */
export interface ThemeRevenueRisk extends Omit<ThemeArrAtRisk, 'themeId' | 'arrAtRisk' | 'weightedArrAtRisk'> {
  readonly arrAtRisk: number;
  readonly weighted: number;
  readonly oddsRatio: number;
  readonly oddsLow: number;
  readonly oddsHigh: number;
}

export type ChurnOutcome = { readonly skipped: string } | { readonly tables: ChurnTables };

export async function analyzeChurn(conn: DuckDBConnection, s: ChurnSettings): Promise<ChurnOutcome> {
  const accounts = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM drivers_accounts');
  if (Number(accounts.getRowObjectsJson()[0]?.n ?? 0) === 0) return { skipped: driversMessages.noAccounts() };
  const c = s.config;
  const coverage = await feedbackCoverage(conn, s.asOf, c.churn_window_days);
  const units = await loadChurnUnits(conn, {
    asOf: s.asOf, windowDays: c.churn_window_days, downgradeIsChurn: c.churn_outcomes.includes('downgraded'), tenureSource: c.tenure_source,
    coveredFrom: coverage.coveredFrom, themes: s.themes,
  });
  const train = units.filter((u) => u.unit === 'train');
  const active = units.filter((u) => u.unit === 'score');
  if (train.length === 0) return { skipped: driversMessages.noChurnEvents() };
  const churned = train.reduce((acc, u) => acc + (u.churned ?? 0), 0);
  if (churned === 0) return { skipped: driversMessages.noChurned(train.length) };
  if (churned === train.length) return { skipped: driversMessages.allChurned(train.length) };

  const step = s.onStep ?? ((): void => undefined);
  step('churn_units');
  const spec = buildDesignSpec(train, {
    themes: s.themes, includePositive: c.include_positive_mentions, arrBands: c.arr_bands, useTenure: c.tenure_source !== 'none',
    themeArrInteractions: c.theme_arr_interactions, minInteractionAccounts: s.minN,
  });
  const fit = fitChurnModel(spec, train, s.level);
  const covariance = logisticCovariance(fit.model, fit.x, fit.n, fit.k);
  step('churn_model');
  const fitted = predictLogistic(fit.model, fit.x, fit.n, fit.k);
  const xActive = designMatrix(spec, active);
  const riskInput = { model: fit.model, covariance, spec, x: xActive, units: active, level: s.level };
  const risk = scoreAccounts(riskInput);
  const weights = c.segment_weights;
  const betaDraws = accountBootstrapCoefficients({ model: fit.model, covariance, x: fit.x, n: fit.n, k: fit.k, y: fit.y }, c.bootstrap_resamples, stableSeed(s.seed, 'arr-at-risk'), c.bootstrap_groups);
  const segmentWeight = (segment: string): number => weights[segment] ?? 1;
  const themeRisk = themeArrAtRisk(riskInput, segmentWeight, betaDraws);
  const bySegment = arrAtRiskBySegment(riskInput, { segmentWeight, betaDraws, label: s.label, minN: s.minN, fdrLevel: s.fdrLevel });
  step('churn_scoring');

  const accountChurnRisk: TableRow[] = active.map((u, i) => ({
    account_id: u.accountId, segment: u.segment, owner: u.owner,
    arr: u.arr, arr_band: arrBand(u.arr, c.arr_bands), nps_band: npsBand(u), nps_responses: u.npsResponses,
    churn_probability: risk.probability[i], churn_probability_ci_low: risk.probabilityLow[i], churn_probability_ci_high: risk.probabilityHigh[i],
    arr_at_risk: u.arr * risk.probability[i], arr_at_risk_ci_low: u.arr * risk.probabilityLow[i], arr_at_risk_ci_high: u.arr * risk.probabilityHigh[i],
    negative_themes: u.negativeThemes, positive_themes: u.positiveThemes, top_theme: risk.topTheme[i] === '' ? null : risk.topTheme[i],
  }));
  accountChurnRisk.sort((a, b) => order(b.arr_at_risk) - order(a.arr_at_risk) || (String(a.account_id) < String(b.account_id) ? -1 : 1));

  const truncated = train.filter((u) => u.tenureTruncated === true).length;
  const firstPeriod = truncated > 0 ? await firstRevenuePeriod(conn) : '';
  const tenureNote = truncated > 0 ? driversMessages.tenureTruncated(truncated, train.length, firstPeriod) : null;
  const modelRows = churnModelRows(fit, spec, s.label).map((r): TableRow => ({ ...r, note: r.kind === 'tenure' ? tenureNote : null }));
  const arrAtRisk = new Map(themeRisk.map((t) => {
    const row = modelRows.find((r) => r.term === `theme:${t.themeId}:negative`);
    return [t.themeId, {
      accounts: t.accounts, arrOfAccounts: t.arrOfAccounts, arrAtRisk: t.arrAtRisk, low: t.low, high: t.high, pValue: t.pValue, weighted: t.weightedArrAtRisk,
      oddsRatio: (row?.odds_ratio as number | undefined) ?? Number.NaN, oddsLow: (row?.odds_ratio_ci_low as number | undefined) ?? Number.NaN, oddsHigh: (row?.odds_ratio_ci_high as number | undefined) ?? Number.NaN,
    }];
  }));
  const roi = computeRoi(train, active, {
    seed: s.seed, replicates: c.bootstrap_resamples, level: s.level, minN: s.minN,
    renewalMonths: c.roi.renewal_period_months, maxLifetimeYears: c.roi.max_lifetime_years, shareMoved: c.roi.share_detractors_moved,
    maxGroups: c.bootstrap_groups,
  });
  const withoutArr = active.filter((u) => !Number.isFinite(u.arr)).length;
  const messages = [...fit.model.messages, driversMessages.arrRiskInterval(c.bootstrap_resamples, train.length)];
  if (tenureNote !== null && spec.columns.some((col) => col.kind === 'tenure')) messages.push(tenureNote);
  messages.push(coverage.coveredEvents > 0
    ? driversMessages.trainingWindow(train.length, coverage.coveredFrom, c.churn_window_days)
    : driversMessages.windowNotCovered(c.churn_window_days));
  if (withoutArr > 0) messages.push(driversMessages.accountsWithoutArr(withoutArr));
  if (!active.some((u) => npsBand(u) === 'detractor')) messages.push(driversMessages.noDetractors());
  return {
    tables: {
      churnModel: modelRows,
      churnThemeLift: churnThemeLift(train, s.themes, s.label, s.level, s.minN, s.fdrLevel),
      accountChurnRisk,
      arrAtRisk,
      arrAtRiskBySegment: bySegment,
      roiCategories: roi.categories,
      roiScenario: roi.scenario,
      summary: {
        accounts: train.length, churned, churnRate: churned / train.length,
        activeAccounts: active.length, activeAccountsWithoutArr: withoutArr,
        totalArrAtRisk: accountChurnRisk.reduce((acc, r) => acc + (Number.isFinite(r.arr_at_risk as number) ? (r.arr_at_risk as number) : 0), 0),
        converged: fit.model.converged, separation: fit.model.separation,
        auc: areaUnderCurve(fitted, fit.y),
        mcfaddenR2: fit.model.nullDeviance > 0 ? 1 - fit.model.deviance / fit.model.nullDeviance : Number.NaN,
        tenureTruncatedAccounts: truncated,
        messages,
      },
    },
  };
}

async function firstRevenuePeriod(conn: DuckDBConnection): Promise<string> {
  const reader = await conn.runAndReadAll('SELECT min(period)::DATE::VARCHAR AS first FROM revenue');
  return String(reader.getRowObjectsJson()[0]?.first ?? '');
}

const order = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY);

export type { ChurnUnit };

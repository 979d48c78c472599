/**
 * ground-truth.json: every planted parameter next to what was actually written, so analyses and
 * classifiers can be scored against it. Pure: takes the counters and returns a JSON-ready object.
 */
import {
  CHURN_INTERCEPT, CHURN_NPS_BAND_EFFECT, CHURN_WINDOW_DAYS, DOWNGRADE_DETRACTOR_EFFECT, DOWNGRADE_INTERCEPT, LOG_ARR_COEF,
} from './churn-model.ts';
import { HIGH_ARR_EUR, REGIONS, SEGMENTS } from './company-model.ts';
import { SPEEDER_SECONDS } from './dirty-rows.ts';
import type { DemoStats, ThemeCounters } from './demo-stats.ts';
import { solveNormalEquations } from './least-squares.ts';
import { ATTRIBUTES, ATTRIBUTE_WEIGHTS, NPS_INTERCEPT, NPS_NOISE_SD, RATING_COLUMNS } from './nps-model.ts';
import { BILLING_HEALTHY_NEGATIVE_RATE, BILLING_PROBLEM_NEGATIVE_RATE, BILLING_THEME, SUPPORT_THEME, THEMES } from './theme-catalog.ts';

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : r4(a / b));

export interface GroundTruthContext {
  readonly seed: number;
  readonly scale: number;
  readonly dateRange: { readonly start: string; readonly end: string };
  readonly accounts: number;
  readonly contacts: number;
}

function themeEntry(id: string, c: ThemeCounters, stats: DemoStats['stats']) {
  const t = THEMES.find((x) => x.id === id);
  if (t === undefined) throw new Error(`unknown theme ${id}`);
  const planted = ATTRIBUTES.reduce((s, a) => s + ATTRIBUTE_WEIGHTS[a] * (t.negativeShift[a] ?? 0), 0);
  const rateWith = ratio(c.churnedWith, c.renewalsWith);
  const rateWithout = ratio(c.churnedWithout, c.renewalsWithout);
  const arrRateWith = c.arrWith === 0 ? 0 : c.churnedArrWith / c.arrWith;
  const arrRateWithout = c.arrWithout === 0 ? 0 : c.churnedArrWithout / c.arrWithout;
  return {
    id,
    labels: t.labels,
    frequency: {
      negative_mentions: c.negativeMentions,
      positive_mentions: c.positiveMentions,
      share_of_verbatims: ratio(c.negativeMentions + c.positiveMentions, stats.acceptedWithComment),
      negative_share_of_verbatims: ratio(c.negativeMentions, stats.acceptedWithComment),
    },
    nps_effect_points: {
      planted_negative: r4(planted),
      planted_rating_shifts: { negative: t.negativeShift, positive: t.positiveShift },
      observed_mean_difference: c.negativeMentions === 0 || c.responsesWithout === 0
        ? null
        : r4(c.npsSumWithNegative / c.negativeMentions - c.npsSumWithout / c.responsesWithout),
    },
    churn_effect: {
      log_odds: t.churnLogOdds,
      log_odds_extra_high_arr: t.churnLogOddsHighArr,
      log_odds_positive_mention: t.positiveChurnLogOdds,
      downgrade_log_odds: t.downgradeLogOdds,
      probability_lift: ratio(c.sumProbabilityLift, c.renewalsWith),
      arr_at_risk_eur: Math.round(c.arrAtRisk),
      renewals_with_negative_mention: c.renewalsWith,
      churn_rate_with: rateWith,
      churn_rate_without: rateWithout,
      arr_with_negative_mention_eur: Math.round(c.arrWith),
      excess_churned_arr_eur: Math.round(c.arrWith * (arrRateWith - arrRateWithout)),
    },
  };
}

export function buildGroundTruth(ctx: GroundTruthContext, tracker: DemoStats) {
  const s = tracker.stats;
  const themes = THEMES.map((t, i) => themeEntry(t.id, s.themes[i] as ThemeCounters, s));
  const rank = (key: (x: (typeof themes)[number]) => number) =>
    themes.slice().sort((a, b) => key(b) - key(a) || a.id.localeCompare(b.id)).map((x) => x.id);
  const byCount = rank((x) => x.frequency.negative_mentions);
  const byArr = rank((x) => x.churn_effect.arr_at_risk_eur);
  const byExcess = rank((x) => x.churn_effect.excess_churned_arr_eur);
  const headline = (id: string) => ({
    theme_id: id,
    rank_by_negative_mentions: byCount.indexOf(id) + 1,
    rank_by_arr_at_risk: byArr.indexOf(id) + 1,
    rank_by_excess_churned_arr: byExcess.indexOf(id) + 1,
  });
  const n = s.npsCounts.reduce((a, b) => a + b, 0);
  const promoters = (s.npsCounts[9] ?? 0) + (s.npsCounts[10] ?? 0);
  const detractors = s.npsCounts.slice(0, 7).reduce((a, b) => a + b, 0);
  const ols = solveNormalEquations(s.driverRegression);
  const plantedSum = ATTRIBUTES.reduce((sum, a) => sum + ATTRIBUTE_WEIGHTS[a], 0);
  const olsSum = ols === undefined ? 0 : ATTRIBUTES.reduce((sum, _a, i) => sum + (ols[i + 1] ?? 0), 0);
  const dirtyTotal = Object.values(s.dirtyCounts).reduce((a, b) => a + b, 0);
  return {
    generator: 'ecoute demo',
    seed: ctx.seed,
    scale: ctx.scale,
    date_range: ctx.dateRange,
    files: [...s.files].map(([name, rows]) => ({ name, rows })),
    counts: {
      accounts: ctx.accounts,
      contacts: ctx.contacts,
      invitations: [...s.invitationsBySegment.values()].reduce((a, b) => a + b, 0),
      response_rows: s.responseRows,
      accepted_responses: s.accepted,
      accepted_with_comment: s.acceptedWithComment,
      comments_with_theme: s.commentsWithTheme,
      truth_mentions: s.truthMentionRows,
      truth_text_mentions: s.truthTextMentionRows,
      languages: Object.fromEntries(s.languageCounts),
      nps_distribution: s.npsCounts,
      nps_score: n === 0 ? null : r4((100 * (promoters - detractors)) / n),
      renewal_outcomes: s.outcomes,
    },
    response_rate_by_segment: Object.fromEntries(SEGMENTS.map((seg) => [seg.segment, {
      planted: seg.responseRate,
      invitations: s.invitationsBySegment.get(seg.segment) ?? 0,
      responses: s.responsesBySegment.get(seg.segment) ?? 0,
      observed: ratio(s.responsesBySegment.get(seg.segment) ?? 0, s.invitationsBySegment.get(seg.segment) ?? 0),
    }])),
    headline_effects: {
      note: 'support_responsiveness is the most frequent complaint and lowers NPS but barely moves churn; billing_errors is rare but drives churn among high-ARR accounts, so it ranks first by ARR at risk while support ranks first by count.',
      frequent_low_churn: headline(SUPPORT_THEME),
      rare_high_churn: headline(BILLING_THEME),
      ranking_by_negative_mentions: byCount,
      ranking_by_arr_at_risk: byArr,
      ranking_by_excess_churned_arr: byExcess,
    },
    themes,
    drivers: {
      model: 'nps = round(clamp(intercept + sum(weight * rating) + N(0, noise_sd), 0, 10)), ratings 1-5 on relational surveys',
      intercept: NPS_INTERCEPT,
      noise_sd: NPS_NOISE_SD,
      weights: Object.fromEntries(ATTRIBUTES.map((a, i) => [a, {
        column: RATING_COLUMNS[a],
        weight: ATTRIBUTE_WEIGHTS[a],
        relative_weight: r4(ATTRIBUTE_WEIGHTS[a] / plantedSum),
        ols_on_export: ols === undefined ? null : r4(ols[i + 1] ?? 0),
        ols_relative_weight: ols === undefined || olsSum === 0 ? null : r4((ols[i + 1] ?? 0) / olsSum),
      }])),
      ols_intercept_on_export: ols === undefined ? null : r4(ols[0] ?? 0),
      ols_n: s.driverRegression.n,
      note: 'weight is the planted latent weight; ols_on_export is the exact least-squares fit of NPS on the five ratings over accepted relational rows. Clamping NPS at 0 and 10 attenuates the fitted weights by ~15%, the relative weights match closely.',
    },
    churn_model: {
      model: 'logit p(churn) = intercept[segment] + nps_band_effect + log_arr_coef * ln(arr / segment_median_arr) + sum(theme log-odds for themes mentioned negatively in the window, + extra when arr >= high_arr_eur) + sum(positive-mention log-odds)',
      window_days: CHURN_WINDOW_DAYS,
      intercept_by_segment: CHURN_INTERCEPT,
      nps_band_effect: CHURN_NPS_BAND_EFFECT,
      log_arr_coef: LOG_ARR_COEF,
      segment_median_arr_eur: Object.fromEntries(SEGMENTS.map((seg) => [seg.segment, seg.arrMedian])),
      high_arr_eur: HIGH_ARR_EUR,
      downgrade: { intercept: DOWNGRADE_INTERCEPT, detractor_effect: DOWNGRADE_DETRACTOR_EFFECT },
      billing_problem_accounts: {
        share_by_segment: Object.fromEntries(SEGMENTS.map((seg) => [seg.segment, seg.billingProblemShare])),
        negative_rate_per_response: { problem: BILLING_PROBLEM_NEGATIVE_RATE, healthy: BILLING_HEALTHY_NEGATIVE_RATE },
      },
    },
    company: {
      segments: SEGMENTS.map((seg) => ({ segment: seg.segment, share: seg.share, arr_median_eur: seg.arrMedian, arr_sigma: seg.arrSigma })),
      regions: REGIONS.map((r) => ({ region: r.region, share: r.share, french_share: r.frenchShare })),
    },
    data_quality: {
      dirty_rows: { ...s.dirtyCounts, total: dirtyTotal },
      dirty_row_locations: s.dirtyRows,
      speeders: { threshold_seconds: SPEEDER_SECONDS, count: s.speederIds.length, response_ids: s.speederIds },
      straight_liners: { min_ratings: ATTRIBUTES.length, count: s.straightLinerIds.length, response_ids: s.straightLinerIds },
      note: 'Dirty rows replace a generated response (or, for duplicate_response_id, repeat it on the next line). Only accepted rows (no defect, not a speeder or straight-liner) feed the churn model and truth-mentions.csv. The original of a duplicated row is accepted; the repeat is the dirty row.',
    },
  };
}

export type GroundTruth = ReturnType<typeof buildGroundTruth>;

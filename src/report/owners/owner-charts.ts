/**
 * The charts of one owner's page, from that owner's answers only (pure): the run's headline score (NPS, else
 * CSAT, else CES: `metric`) per quarter of the owner's accounts (clustered by account) and per account (each
 * answer its own cluster), as the score-by-dimension bars. Cells under min_n are suppressed (score NULL), as
 * in the main dashboard.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BuiltChart } from '../../charts/build-charts.ts';
import { buildScoreByDimensionSpec } from '../../charts/specs/score-by-dimension-spec.ts';
import { CHART_MESSAGES } from '../../charts/chart-messages.ts';
import { withInlineData, withLocale, type ChartRow } from '../../charts/spec-base.ts';
import { clusteredMean, npsPoints } from '../../analyze/stats/clustered-nps.ts';
import { DEFAULT_CES_DIRECTION, SCORE_FORMAT, scoreReading, type CesDirection, type HeadlineMetric } from '../../analyze/metrics/headline-metric.ts';
import type { DashboardLang } from '../dashboard/dashboard-messages.ts';
import { OWNER_MESSAGES } from './owner-messages.ts';
import { formatQuarter } from '../../util/format-figures.ts';
import { groupBy } from '../../util/group-by.ts';

export interface OwnerAnswer {
  readonly accountId: string;
  readonly accountName: string;
  readonly quarter: string;
  readonly score: number;
}

const Z95 = 1.959963984540054;

/** What one answer adds to the mean that is the score: NPS points, the CSAT share (4–5 → 100), the CES answer itself. */
const POINTS: Readonly<Record<HeadlineMetric, (score: number) => number>> = {
  nps: npsPoints,
  csat: (score) => (score >= 4 ? 100 : 0),
  ces: (score) => score,
};

function cell(group: string, answers: ReadonlyArray<{ cluster: string; score: number }>, minN: number, metric: HeadlineMetric): ChartRow {
  const e = clusteredMean(answers, POINTS[metric]);
  const shown = e.n >= minN && Number.isFinite(e.se);
  return { group, n: e.n, score: shown ? e.nps : null, ci_low: shown ? e.nps - Z95 * e.se : null, ci_high: shown ? e.nps + Z95 * e.se : null, small_n: !shown };
}

/** The score's name on the owner's page: NPS, else the axis title of its trend ('CSAT (% of 4–5)', 'CES (ease, 1–7)'). */
function scoreName(metric: HeadlineMetric, lang: DashboardLang, ces: CesDirection): string {
  const reading = scoreReading(metric, ces);
  return reading === 'nps' ? CHART_MESSAGES[lang].npsBy.nps : CHART_MESSAGES[lang].scoreTrend[reading].score;
}

/** The score-by-dimension spec; with `inOrder`, bars keep the rows' order (quarters) instead of sorting by score. */
function chart(id: string, title: string, dimension: string, rows: ChartRow[], lang: DashboardLang, inOrder: boolean, metric: HeadlineMetric, ces: CesDirection): BuiltChart {
  const m = CHART_MESSAGES[lang].npsBy;
  const name = scoreName(metric, lang, ces);
  const texts = { ...m, title: () => title, subtitle: OWNER_MESSAGES[lang].subtitle(name) };
  const base = metric === 'nps' ? buildScoreByDimensionSpec(texts, dimension) : buildScoreByDimensionSpec({ ...texts, nps: name }, dimension, SCORE_FORMAT[metric].digits);
  const ordered: TopLevelSpec = inOrder ? JSON.parse(JSON.stringify(base).replace('"sort":{"field":"sort_value","op":"max","order":"descending"}', '"sort":null')) : base;
  const spec = withLocale(ordered, lang);
  return { id, filters: { period: false, segment: false }, drill: {}, spec, rows, staticSpec: withInlineData(spec, rows) };
}

/** `answers` are of the run's headline score `metric` (default nps); `ces`: which way the run's CES answer runs. */
export function ownerCharts(answers: readonly OwnerAnswer[], lang: DashboardLang, minN: number, metric: HeadlineMetric = 'nps', ces: CesDirection = DEFAULT_CES_DIRECTION): BuiltChart[] {
  const t = OWNER_MESSAGES[lang];
  const name = metric === 'nps' ? 'NPS' : metric.toUpperCase();
  const quarters = [...groupBy(answers, (a) => a.quarter)].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([q, list]) => cell(formatQuarter(q), list.map((a) => ({ cluster: a.accountId, score: a.score })), minN, metric));
  const accounts = [...groupBy(answers, (a) => a.accountId)].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, list]) => cell(list[0]!.accountName, list.map((a, i) => ({ cluster: String(i), score: a.score })), Math.min(minN, 5), metric));
  const out: BuiltChart[] = [];
  if (quarters.length > 0) out.push(chart(`owner-${metric}-trend`, t.trendTitle(name), t.quarter, quarters, lang, true, metric, ces));
  if (accounts.length > 0) out.push(chart('owner-accounts', t.accountsTitle(name), t.account, accounts, lang, false, metric, ces));
  return out;
}

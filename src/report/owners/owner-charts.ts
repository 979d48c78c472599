/**
 * The charts of one owner's page, from that owner's answers only (pure): NPS per quarter of the owner's
 * accounts (clustered by account) and NPS per account (each answer its own cluster), as the
 * score-by-dimension bars. Cells under min_n are suppressed (score NULL), as in the main dashboard.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BuiltChart } from '../../charts/build-charts.ts';
import { buildScoreByDimensionSpec } from '../../charts/specs/score-by-dimension-spec.ts';
import { CHART_MESSAGES } from '../../charts/chart-messages.ts';
import { withInlineData, withLocale, type ChartRow } from '../../charts/spec-base.ts';
import { clusteredNps } from '../../analyze/stats/clustered-nps.ts';
import type { DashboardLang } from '../dashboard/dashboard-messages.ts';
import { OWNER_MESSAGES } from './owner-messages.ts';
import { formatQuarter } from '../../util/format-figures.ts';

export interface OwnerAnswer {
  readonly accountId: string;
  readonly accountName: string;
  readonly quarter: string;
  readonly score: number;
}

const Z95 = 1.959963984540054;

function cell(group: string, answers: ReadonlyArray<{ cluster: string; score: number }>, minN: number): ChartRow {
  const e = clusteredNps(answers);
  const shown = e.n >= minN && Number.isFinite(e.se);
  return { group, n: e.n, score: shown ? e.nps : null, ci_low: shown ? e.nps - Z95 * e.se : null, ci_high: shown ? e.nps + Z95 * e.se : null, small_n: !shown };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list === undefined) out.set(k, [i]);
    else list.push(i);
  }
  return out;
}

/** The NPS-by-dimension spec; with `inOrder`, bars keep the rows' order (quarters) instead of sorting by NPS. */
function chart(id: string, title: string, dimension: string, rows: ChartRow[], lang: DashboardLang, inOrder: boolean): BuiltChart {
  const m = CHART_MESSAGES[lang].npsBy;
  const base = buildScoreByDimensionSpec({ ...m, title: () => title, subtitle: OWNER_MESSAGES[lang].subtitle }, dimension);
  const ordered: TopLevelSpec = inOrder ? JSON.parse(JSON.stringify(base).replace('"sort":{"field":"sort_value","op":"max","order":"descending"}', '"sort":null')) : base;
  const spec = withLocale(ordered, lang);
  return { id, filters: { period: false, segment: false }, drill: {}, spec, rows, staticSpec: withInlineData(spec, rows) };
}

export function ownerCharts(answers: readonly OwnerAnswer[], lang: DashboardLang, minN: number): BuiltChart[] {
  const t = OWNER_MESSAGES[lang];
  const quarters = [...groupBy(answers, (a) => a.quarter)].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([q, list]) => cell(formatQuarter(q), list.map((a) => ({ cluster: a.accountId, score: a.score })), minN));
  const accounts = [...groupBy(answers, (a) => a.accountId)].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, list]) => cell(list[0]!.accountName, list.map((a, i) => ({ cluster: String(i), score: a.score })), Math.min(minN, 5)));
  const out: BuiltChart[] = [];
  if (quarters.length > 0) out.push(chart('owner-nps-trend', t.trendTitle, t.quarter, quarters, lang, true));
  if (accounts.length > 0) out.push(chart('owner-accounts', t.accountsTitle, t.account, accounts, lang, false));
  return out;
}

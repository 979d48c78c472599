/** Human text for `ecoute run`: reconciliation, quarantine reasons, the headline score (NPS, else CSAT, else CES), where the outputs are. */
import { DUCKDB_MEMORY_SHARE } from '../db/memory-budget.ts';
import { relative } from 'node:path';
import type { RunResult } from '../run/run-pipeline.ts';
import { formatTable } from './print-result.ts';
import { formatMoney, formatPValue } from '../util/format-figures.ts';
import { HEADLINE_METRICS, SCORE_FORMAT, scoreReading, type CesDirection, type HeadlineMetric, type ScoreReading } from '../analyze/metrics/headline-metric.ts';
import { CALLBACK_CONTACTS_FILE } from '../publish/restricted-files.ts';

type Metrics = RunResult['summary']['metrics'];

/** How each score is named on the command line (CES as ease or as effort: the run's ces_direction). */
const SCORE_NAME: Readonly<Record<ScoreReading, string>> = {
  nps: 'NPS', csat: 'CSAT (share of 4–5 answers)', ces_ease: 'CES (ease on 1–7, higher is easier)', ces_effort: 'CES (effort on 1–7, lower is easier)',
};
/** The unit of a theme's impact on the driver score, and which side of zero a driver's interval lies. */
const DRIVER_UNIT: Readonly<Record<ScoreReading, { readonly unit: string; readonly side: string }>> = {
  nps: { unit: 'NPS points', side: 'below zero' }, csat: { unit: 'CSAT points', side: 'below zero' },
  ces_ease: { unit: 'CES (ease, 1–7)', side: 'below zero: less ease' }, ces_effort: { unit: 'CES (effort, 1–7)', side: 'above zero: more effort' },
};

/** A score (or a change of it) with its decimals, a CSAT with its percent sign; n/a when missing. */
const scoreText = (metric: HeadlineMetric, v: number | null, unit = true): string =>
  v === null ? 'n/a' : `${v.toFixed(SCORE_FORMAT[metric].digits)}${unit && SCORE_FORMAT[metric].percent ? ' %' : ''}`;

const percent = (v: number | null): string => (v === null ? 'n/a' : `${(100 * v).toFixed(1)} %`);

/** The closed loop in one line: share of due call-backs made in time (interval, n), overdue items, median time (callback-loop.json). */
function loopLine(l: NonNullable<NonNullable<RunResult['summary']['visuals']>['loop']>): string {
  const median = l.medianHours === null ? 'no call yet' : `median ${l.medianHours.toFixed(1)} h to call back`;
  return `Closed loop: ${percent(l.share)} of due call-backs made in time (95 % CI ${percent(l.low)}–${percent(l.high)}, n = ${l.n}) · ${l.overdue} overdue · ${median}`;
}

/** The headline score (NPS, else CSAT, else CES) with its margin, and its latest period against the one before. */
function headlineLines(metrics: Metrics, ces: CesDirection): string[] {
  const lead = metrics.headlineMetric;
  if (lead === null) return ['Scores: no NPS, CSAT or CES answer'];
  const h = metrics[lead];
  const name = SCORE_NAME[scoreReading(lead, ces)];
  const c = metrics.headlineChange;
  return [
    h === null ? `${name}: no scored responses` : `${name} ${scoreText(lead, h.value)} ± ${scoreText(lead, h.moe, false)} (95 % margin of error, clustered by account, n = ${h.n}, of which ${h.nFlagged} flagged)`,
    c === null || c.previousPeriod === null
      ? ''
      : `${c.grain} ${c.period}: ${SCORE_NAME[scoreReading(c.metric, ces)]} ${scoreText(c.metric, c.value)} vs ${scoreText(c.metric, c.previousValue)} in ${c.previousPeriod} (change ${scoreText(c.metric, c.change, false)}, p = ${formatPValue(c.pValue, 'en-GB')}, q = ${formatPValue(c.qValue, 'en-GB')}${c.significant ? ', significant' : ', not significant'} at the false-discovery rate)`,
  ].filter((l) => l.length > 0);
}

/** The run's other scores over the whole window, one line. */
function otherScoreLines(metrics: Metrics, ces: CesDirection): string[] {
  const others = HEADLINE_METRICS.filter((m) => m !== metrics.headlineMetric && (metrics[m]?.n ?? 0) > 0);
  const line = others.map((m) => `${SCORE_NAME[scoreReading(m, ces)]} ${scoreText(m, metrics[m]?.value ?? null)} ± ${scoreText(m, metrics[m]?.moe ?? null, false)} (n = ${metrics[m]?.n ?? 0})`);
  return line.length === 0 ? [] : [`Also: ${line.join('; ')}`];
}

export function formatRun(r: RunResult): string {
  const s = r.summary;
  // the erased column (rows of people on the erasure list) only appears once someone was erased
  const erased = s.sources.some((x) => x.reconciliation.rowsErased > 0);
  const rec = formatTable(
    ['source', 'files', 'read', 'accepted', 'quarantined', ...(erased ? ['erased'] : [])],
    s.sources.map((x) => {
      const r = x.reconciliation;
      return [x.source, r.files, r.rowsRead, r.rowsAccepted, r.rowsQuarantined, ...(erased ? [r.rowsErased] : [])];
    }),
  );
  const q = s.quarantine.byReason.length === 0 ? 'none' : formatTable(['source', 'reason', 'rows'], s.quarantine.byReason.map((x) => [x.source, x.reason, x.count]));
  const flags = Object.entries(s.qualityFlags);
  const kept = [
    s.fieldProblems.total === 0 ? '' : `Fields set missing or flagged on accepted rows (tables/field_problems.csv): ${s.fieldProblems.byReason.map((x) => `${x.source} ${x.reason} ${x.count}`).join(', ')}`,
    flags.length === 0 ? '' : `Flagged responses kept (settings.quality): ${flags.map(([f, n]) => `${f} ${n}`).join(', ')}`,
  ].filter((l) => l.length > 0);
  const headline = [...headlineLines(s.metrics, s.cesDirection), ...otherScoreLines(s.metrics, s.cesDirection)].join('\n');
  const money = (v: number | null): string => formatMoney(v, s.reportingCurrency, 'en-GB');
  const d = s.drivers;
  const fdr = d.fdrLevel.toFixed(2);
  const linkWords = (link: string | null): string => (link === null ? 'revenue not analysed' : link === 'revenue dissatisfier' ? 'revenue dissatisfier' : link);
  // the score the drivers explain (older run summaries have no metric: NPS)
  const driverScore = (d.metric ?? 'nps').toUpperCase();
  // CES read as effort: a driver adds effort (impact above zero, on the 1–7 scale); otherwise it lowers the score
  const reading = scoreReading(d.metric ?? 'nps', s.cesDirection);
  const effort = reading === 'ces_effort';
  const { unit: driverUnit, side } = DRIVER_UNIT[reading];
  const dissatisfiers = [
    ...(d.topDissatisfiers.length > 0
      ? [
          `Revenue dissatisfiers (ARR-at-risk 95 % CI above zero, q < ${fdr}; rank by frequency in brackets)`,
          ...d.topDissatisfiers.slice(0, 3).map((x, i) => `  ${i + 1}. ${x.themeId}: ${money(x.arrAtRisk)} at risk (95 % CI ${money(x.low)} to ${money(x.high)}) (#${x.rankByFrequency} by frequency)`),
        ]
      : d.revenueLinksTested !== null
        ? [`Revenue dissatisfiers: none, no reliable revenue link found (${d.revenueLinksTested} themes tested, q < ${fdr})`]
        : ['Revenue dissatisfiers: none ranked' + (d.skipped.length > 0 ? ` (${[...new Set(d.skipped.map((x) => x.reason))].join('; ')})` : '')]),
    ...(d.npsDrivers.length > 0
      ? [
          `Biggest ${driverScore} drivers (negative mentions, 95 % CI ${side}, q < ${fdr})`,
          ...d.npsDrivers.slice(0, 3).map((x, i) => `  ${i + 1}. ${x.themeId}: ${effort && x.impact > 0 ? '+' : ''}${x.impact.toFixed(2)} ${driverUnit} (95 % CI ${x.low.toFixed(2)} to ${x.high.toFixed(2)}); ${linkWords(x.revenueLink)}`),
        ]
      : [`Biggest ${driverScore} drivers: none reliable (q < ${fdr})`]),
  ];
  const where = relative(process.cwd(), r.outDir) || '.';
  return [
    `ecoute run: ${s.pipeline}, as of ${s.asOf}`,
    '',
    `Reconciliation (rows read = accepted + quarantined${erased ? ' + erased' : ''})`,
    rec,
    '',
    'Quarantine',
    q,
    ...(kept.length === 0 ? [] : ['', ...kept]),
    '',
    headline,
    '',
    ...dissatisfiers,
    '',
    ...s.classification.engines.map((e) => `Verbatims: ${e.description}`),
    ...(s.visuals === undefined ? [] : [`Dashboard: ${where}/dashboard/index.html · reports: ${where}/report/ · call-backs due: ${s.visuals.callbacks}`]),
    ...(s.visuals?.explorer.mode === 'served'
      ? [`Verbatim explorer: ${s.visuals.explorer.verbatims} verbatims, more than settings.dashboard.embed_max_verbatims (${s.visuals.explorer.embed_max_verbatims}): not embedded in the dashboard; \`ecoute serve ${where}\` serves it`]
      : []),
    ...(s.visuals?.loop === undefined ? [] : [loopLine(s.visuals.loop)]),
    ...(s.outputs.includes(CALLBACK_CONTACTS_FILE) ? [`Restricted (contact names, emails, phones; owner-only, for the call-back team, never in the dashboard): ${where}/${CALLBACK_CONTACTS_FILE}`] : []),
    '',
    `Published ${relative(r.outDir, r.nightDir)} as ${where}/current (history: ecoute history ${where})`,
    `Outputs in ${where} (${s.outputs.length} files) in ${r.timings.total_seconds ?? 0} s; specs, dashboard, reports and call-back list in ${r.timings.visuals_seconds ?? 0} s (all timings: run-timings.json)`,
    `Peak memory ${r.resources.peak_rss_mb} MB (DuckDB limit ${r.resources.duckdb_memory_limit}, ${r.resources.duckdb_threads} threads: ${Math.round(DUCKDB_MEMORY_SHARE * 100)} % of settings.memory_limit and settings.threads when set)`,
  ].join('\n');
}

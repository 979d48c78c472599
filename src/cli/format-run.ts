/** Human text for `ecoute run`: reconciliation, quarantine reasons, headline NPS, where the outputs are. */
import { relative } from 'node:path';
import type { RunResult } from '../run/run-pipeline.ts';
import { formatTable } from './print-result.ts';
import { formatMoney, formatPValue } from '../util/format-figures.ts';

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
    s.fieldProblems.total === 0 ? '' : `Fields set missing on accepted rows (tables/field_problems.csv): ${s.fieldProblems.byReason.map((x) => `${x.source} ${x.reason} ${x.count}`).join(', ')}`,
    flags.length === 0 ? '' : `Flagged responses kept (settings.quality): ${flags.map(([f, n]) => `${f} ${n}`).join(', ')}`,
  ].filter((l) => l.length > 0);
  const h = s.metrics.nps;
  const c = s.metrics.npsChange;
  const fmt = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(1));
  const headline = [
    h === null ? 'NPS: no scored responses' : `NPS ${fmt(h.value)} ± ${fmt(h.moe)} (95 % margin of error, clustered by account, n = ${h.n}, of which ${h.nFlagged} flagged)`,
    c === null || c.previousPeriod === null
      ? ''
      : `${c.grain} ${c.period}: NPS ${fmt(c.value)} vs ${fmt(c.previousValue)} in ${c.previousPeriod} (change ${fmt(c.change)}, p = ${formatPValue(c.pValue, 'en-GB')}, q = ${formatPValue(c.qValue, 'en-GB')}${c.significant ? ', significant' : ', not significant'} at the false-discovery rate)`,
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  const money = (v: number | null): string => formatMoney(v, s.reportingCurrency, 'en-GB');
  const d = s.drivers;
  const fdr = d.fdrLevel.toFixed(2);
  const linkWords = (link: string | null): string => (link === null ? 'revenue not analysed' : link === 'revenue dissatisfier' ? 'revenue dissatisfier' : link);
  const dissatisfiers = [
    ...(d.topDissatisfiers.length > 0
      ? [
          `Revenue dissatisfiers (ARR-at-risk 95 % CI above zero, q < ${fdr}; rank by frequency in brackets)`,
          ...d.topDissatisfiers.slice(0, 3).map((x, i) => `  ${i + 1}. ${x.themeId}: ${money(x.arrAtRisk)} at risk (95 % CI ${money(x.low)} to ${money(x.high)}) (#${x.rankByFrequency} by frequency)`),
        ]
      : d.revenueLinksTested !== null
        ? [`Revenue dissatisfiers: none, no reliable revenue link found (${d.revenueLinksTested} themes tested, q < ${fdr})`]
        : ['Revenue dissatisfiers: none ranked' + (d.skipped.length > 0 ? ` (${d.skipped.map((x) => x.reason).join('; ')})` : '')]),
    ...(d.npsDrivers.length > 0
      ? [
          `Biggest NPS drivers (negative mentions, 95 % CI below zero, q < ${fdr})`,
          ...d.npsDrivers.slice(0, 3).map((x, i) => `  ${i + 1}. ${x.themeId}: ${x.impact.toFixed(2)} NPS points (95 % CI ${x.low.toFixed(2)} to ${x.high.toFixed(2)}); ${linkWords(x.revenueLink)}`),
        ]
      : [`Biggest NPS drivers: none reliable (q < ${fdr})`]),
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
    '',
    `Published ${relative(r.outDir, r.nightDir)} as ${where}/current (history: ecoute history ${where})`,
    `Outputs in ${where} (${s.outputs.length} files) in ${r.timings.total_seconds ?? 0} s; specs, dashboard, reports and call-back list in ${r.timings.visuals_seconds ?? 0} s (all timings: run-timings.json)`,
    `Peak memory ${r.resources.peak_rss_mb} MB (DuckDB limit ${r.resources.duckdb_memory_limit}, ${r.resources.duckdb_threads} threads; settings.memory_limit and settings.threads set them)`,
  ].join('\n');
}

/** Human text for `ecoute run`: reconciliation, quarantine reasons, headline NPS, where the outputs are. */
import { relative } from 'node:path';
import type { RunResult } from '../run/run-pipeline.ts';
import { formatTable } from './print-result.ts';

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
  const h = s.metrics.nps;
  const c = s.metrics.npsChange;
  const fmt = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(1));
  const headline = [
    h === null ? 'NPS: no scored responses' : `NPS ${fmt(h.value)} ± ${fmt(h.moe)} (95 % margin of error, n = ${h.n})`,
    c === null || c.previousPeriod === null
      ? ''
      : `${c.grain} ${c.period}: NPS ${fmt(c.value)} vs ${fmt(c.previousValue)} in ${c.previousPeriod} (change ${fmt(c.change)}, p = ${c.pValue === null ? 'n/a' : c.pValue.toFixed(3)}${c.significant ? ', significant' : ', not significant'})`,
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  const money = (v: number | null): string => (v === null ? 'n/a' : `${Math.round(v).toLocaleString('en-US')} ${s.reportingCurrency}`);
  const dissatisfiers =
    s.drivers.topDissatisfiers.length === 0
      ? ['Dissatisfiers: none ranked' + (s.drivers.skipped.length > 0 ? ` (${s.drivers.skipped.map((x) => x.reason).join('; ')})` : '')]
      : [
          'Top dissatisfiers by ARR at risk (rank by frequency in brackets)',
          ...s.drivers.topDissatisfiers.slice(0, 3).map((d, i) => `  ${i + 1}. ${d.themeId}: ${money(d.arrAtRisk)} at risk (#${d.rankByFrequency} by frequency)`),
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
    '',
    headline,
    '',
    ...dissatisfiers,
    '',
    ...s.classification.engines.map((e) => `Verbatims: ${e.description}`),
    ...(s.visuals === undefined ? [] : [`Dashboard: ${where}/dashboard/index.html · reports: ${where}/report/ · call-backs due: ${s.visuals.callbacks}`]),
    '',
    `Outputs in ${where} (${s.outputs.length} files) in ${r.timings.total_seconds ?? 0} s; specs, dashboard, reports and call-back list in ${r.timings.visuals_seconds ?? 0} s (all timings: run-timings.json)`,
    `Peak memory ${r.resources.peak_rss_mb} MB (DuckDB limit ${r.resources.duckdb_memory_limit}, ${r.resources.duckdb_threads} threads; settings.memory_limit and settings.threads set them)`,
  ].join('\n');
}

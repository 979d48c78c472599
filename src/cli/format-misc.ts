/** Human text for `ecoute validate` and `ecoute demo`. */
import type { ValidateResult } from '../validate/check-sources.ts';
import { formatTable } from './print-result.ts';
import type { DemoSummary } from '../demo/generate-demo.ts';
import type { NotifyResult } from '../notify/notify-callbacks.ts';

export function formatValidate(r: ValidateResult): string {
  const rows = r.checks.map((c) => [c.source, c.file, c.ok ? 'ok' : 'ERROR', c.problem ?? c.warning ?? '']);
  const warnings = r.themeWarnings.map((w) => `warning (themes lint): ${w}`);
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  const sample =
    r.sampleRows === undefined
      ? []
      : [
          '',
          `Sample: the first ${r.sampleRows} rows of each file through the run's checks (accounts whole)`,
          formatTable(
            ['source', 'read', 'would quarantine', 'reason', 'rows', 'share'],
            r.samples.flatMap((s) => [
              [s.source, s.rowsRead, `${s.rowsQuarantined} (${pct(s.quarantinedShare)})`, '', null, ''],
              ...s.byReason.map((q) => ['', null, '', q.reason, q.count, pct(q.share)]),
              ...s.fieldProblems.map((f) => ['', null, '', `${f.reason} (field set missing or flagged, row kept)`, f.count, '']),
            ]),
          ),
          '',
          'Gates on the sample',
          ...r.gates.map((g) => `  ${g.passed ? 'ok  ' : 'FAIL'} ${g.message}`),
        ];
  return [formatTable(['source', 'file', 'status', 'detail'], rows), ...sample, ...(warnings.length > 0 ? ['', ...warnings] : []), '', r.ok ? 'pipeline is valid' : 'pipeline has problems'].join('\n');
}

export function formatDemo(r: DemoSummary): string {
  const responses = r.files.filter((f) => f.name.startsWith('responses-'));
  const others = r.files.filter((f) => !f.name.startsWith('responses-'));
  const rows: Array<[string, number]> = [
    ...others.map((f): [string, number] => [f.name, f.rows]),
    [`responses-*.csv (${responses.length} monthly files)`, responses.reduce((s, f) => s + f.rows, 0)],
  ];
  return [
    `demo company written to ${r.outDir} (seed ${r.seed}, ${r.dateRange.start} to ${r.dateRange.end})`,
    '',
    formatTable(['file', 'rows'], rows),
    '',
    `planted effects: ${r.outDir}/${r.groundTruth}`,
  ].join('\n');
}

/** Human text for `ecoute notify`. */
export function formatNotify(r: NotifyResult): string {
  const shown = r.delivered.slice(0, 5).join(', ');
  const sent = r.delivered.length === 0 ? 'nothing new to send' : `delivered ${r.delivered.length} (${shown}${r.delivered.length > 5 ? ', …' : ''})`;
  return [`call-backs of ${r.asOf}: ${r.callbacks} in the list, ${r.alreadyNotified} notified before${r.alreadyCalled > 0 ? `, ${r.alreadyCalled} called back already (not posted)` : ''}`, `${r.webhook}: ${sent}`, `state: ${r.stateFile}`].join('\n');
}

/** Human text for `ecoute validate` and `ecoute demo`. */
import type { ValidateResult } from '../validate/check-sources.ts';
import { formatTable } from './print-result.ts';
import type { DemoSummary } from '../demo/generate-demo.ts';

export function formatValidate(r: ValidateResult): string {
  const rows = r.checks.map((c) => [c.source, c.file, c.ok ? 'ok' : 'ERROR', c.problem ?? c.warning ?? '']);
  const warnings = r.themeWarnings.map((w) => `warning (themes lint): ${w}\n`).join('');
  return `${formatTable(['source', 'file', 'status', 'detail'], rows)}\n\n${warnings}${r.ok ? 'pipeline is valid' : 'pipeline has problems'}`;
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

/** Human text for `ecoute validate` and `ecoute demo`. */
import type { ValidateResult } from '../validate/check-sources.ts';
import { formatTable } from './print-result.ts';

export function formatValidate(r: ValidateResult): string {
  const rows = r.checks.map((c) => [c.source, c.file, c.ok ? 'ok' : 'ERROR', c.problem ?? c.warning ?? '']);
  return `${formatTable(['source', 'file', 'status', 'detail'], rows)}\n\n${r.ok ? 'pipeline is valid' : 'pipeline has problems'}`;
}

export function formatDemo(r: unknown): string {
  return JSON.stringify(r, null, 2);
}

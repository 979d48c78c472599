/**
 * Quality gates, checked right after validation: does each source deliver enough rows, with a small enough
 * share quarantined, and about as many as the previous night? Pure: the reconciliations, the previous run's
 * rows read per source and settings.gates in, one result per check out. Safe defaults: every source the
 * pipeline maps is required, needs one accepted row, and may lose at most half its rows.
 *
 * **Example:**
 * ```ts
 * evaluateGates([{ source: 'responses', files: 1, rowsRead: 100, rowsAccepted: 40, rowsQuarantined: 60 }], undefined, gates, ['responses']);
 * // [..., { source: 'responses', gate: 'max_quarantined_share', figure: 0.6, threshold: 0.5, passed: false, message: 'responses: 60 % of 100 rows read quarantined, more than the 50 % allowed (max_quarantined_share)' }]
 * ```
 */
import type { Gates, SourceName } from '../config/pipeline-schema.ts';
import type { Reconciliation } from './validate-source.ts';

export type GateName = 'required_source' | 'min_accepted_rows' | 'max_quarantined_share' | 'max_row_change';

export interface GateResult {
  readonly source: SourceName;
  readonly gate: GateName;
  /** the measured figure (rows, share 0-1, or relative change 0-1) */
  readonly figure: number | null;
  readonly threshold: number | null;
  readonly passed: boolean;
  readonly message: string;
}

export const GATE_DEFAULTS = { min_accepted_rows: 1, max_quarantined_share: 0.5 } as const;

const pct = (x: number): string => `${Number((100 * x).toFixed(1))} %`;

export function evaluateGates(
  reports: readonly Reconciliation[],
  previousRowsRead: Partial<Record<SourceName, number>> | undefined,
  gates: Gates,
  configured: readonly SourceName[],
): GateResult[] {
  const results: GateResult[] = [];
  const required = gates.required_sources ?? configured;
  for (const source of required) {
    if (!configured.includes(source)) {
      results.push({ source, gate: 'required_source', figure: null, threshold: null, passed: false, message: `${source}: required by settings.gates.required_sources but not in the pipeline's sources` });
    }
  }
  for (const r of reports) {
    const own = gates.sources[r.source] ?? {};
    const minAccepted = own.min_accepted_rows ?? gates.min_accepted_rows ?? GATE_DEFAULTS.min_accepted_rows;
    const maxShare = own.max_quarantined_share ?? gates.max_quarantined_share ?? GATE_DEFAULTS.max_quarantined_share;
    const maxChange = own.max_row_change ?? gates.max_row_change;
    const isRequired = required.includes(r.source);
    if (isRequired || r.rowsRead > 0) {
      const passed = r.rowsAccepted >= minAccepted;
      results.push({
        source: r.source, gate: 'min_accepted_rows', figure: r.rowsAccepted, threshold: minAccepted, passed,
        message: `${r.source}: ${r.rowsAccepted} rows accepted of ${r.rowsRead} read, ${passed ? 'at least' : 'fewer than'} the ${minAccepted} required (min_accepted_rows)`,
      });
    }
    if (r.rowsRead > 0) {
      const share = r.rowsQuarantined / r.rowsRead;
      const passed = share <= maxShare;
      results.push({
        source: r.source, gate: 'max_quarantined_share', figure: share, threshold: maxShare, passed,
        message: `${r.source}: ${pct(share)} of ${r.rowsRead} rows read quarantined, ${passed ? 'within' : 'more than'} the ${pct(maxShare)} allowed (max_quarantined_share)`,
      });
    }
    const previous = previousRowsRead?.[r.source];
    if (maxChange !== undefined && previous !== undefined && previous > 0) {
      const change = Math.abs(r.rowsRead - previous) / previous;
      const passed = change <= maxChange;
      results.push({
        source: r.source, gate: 'max_row_change', figure: change, threshold: maxChange, passed,
        message: `${r.source}: ${r.rowsRead} rows read vs ${previous} in the previous run, a change of ${pct(change)}, ${passed ? 'within' : 'more than'} the ${pct(maxChange)} allowed (max_row_change)`,
      });
    }
  }
  return results;
}

export function failedGates(results: readonly GateResult[]): GateResult[] {
  return results.filter((g) => !g.passed);
}

/**
 * One message per problem, not one per file of a glob: the failing checks of a source that share a
 * problem (the same missing columns, or the same message) become one check naming the glob, how many
 * of its files have the problem and the first few of them.
 *
 * **Example:** 24 monthly files `responses-*.csv` without the mapped column "when" give one check:
 * `{ file: 'responses-*.csv', problem: 'column "when" not found; … — in 24 of 24 files: responses-2024-01.csv, …' }`
 */
import type { SourceCheck } from './check-sources.ts';

export interface KeyedCheck {
  readonly check: SourceCheck;
  /** the source's path or glob in the pipeline file */
  readonly glob: string;
  /** what makes two problems the same (default: the problem text) */
  readonly key?: string;
}

const SHOWN_FILES = 5;

export const groupedProblem = {
  inFiles: (problem: string, files: readonly string[], total: number): string =>
    `${problem} — in ${files.length} of ${total} files: ${files.slice(0, SHOWN_FILES).join(', ')}${files.length > SHOWN_FILES ? `, … (+${files.length - SHOWN_FILES} more)` : ''}`,
};

export function groupFileProblems(checks: readonly KeyedCheck[]): SourceCheck[] {
  const totals = new Map<string, number>();
  for (const c of checks) totals.set(c.check.source, (totals.get(c.check.source) ?? 0) + 1);
  const groups = new Map<string, KeyedCheck[]>();
  const order: Array<SourceCheck | string> = [];
  for (const c of checks) {
    if (c.check.ok) {
      order.push(c.check);
      continue;
    }
    const id = JSON.stringify([c.check.source, c.key ?? c.check.problem ?? '']);
    const group = groups.get(id);
    if (group === undefined) {
      groups.set(id, [c]);
      order.push(id);
    } else group.push(c);
  }
  return order.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const group = groups.get(entry) ?? [];
    const first = group[0] as KeyedCheck;
    if (group.length === 1) return first.check;
    const files = group.map((g) => g.check.file);
    return { source: first.check.source, file: first.glob, ok: false, problem: groupedProblem.inFiles(first.check.problem ?? '', files, totals.get(first.check.source) ?? files.length) };
  });
}

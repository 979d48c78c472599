/**
 * Every user-facing message of the statistics core, built in one place so tests compare
 * against the builder rather than a copied string.
 */

export interface DroppedDriver {
  readonly name: string;
  readonly reason: 'constant' | 'collinear';
  /** for 'collinear': the kept drivers it is a linear combination of */
  readonly with: readonly string[];
}

export const statsMessages = {
  droppedDrivers(dropped: readonly DroppedDriver[]): string {
    const constant = dropped.filter((d) => d.reason === 'constant').map((d) => d.name);
    const collinear = dropped.filter((d) => d.reason === 'collinear');
    const parts: string[] = [];
    if (constant.length > 0) parts.push(`constant (no variance): ${constant.join(', ')}`);
    if (collinear.length > 0) {
      parts.push(`perfectly collinear: ${collinear.map((d) => `${d.name} (= combination of ${d.with.join(', ') || 'earlier drivers'})`).join('; ')}`);
    }
    return `dropped ${dropped.length} driver${dropped.length === 1 ? '' : 's'} before the analysis: ${parts.join('; ')}`;
  },
  constantOutcome(): string {
    return 'the outcome has no variance: driver importance is undefined';
  },
  noDriversLeft(): string {
    return 'no driver left after dropping constant and collinear drivers';
  },
  tooManyDrivers(p: number, max: number): string {
    return `exact Shapley decomposition is limited to ${max} drivers (2^p subsets), got ${p}`;
  },
  badMatrix(detail: string): string {
    return `invalid correlation matrix: ${detail}`;
  },
  separation(ridge: number): string {
    return `complete or quasi-complete separation detected: refitted with a ridge penalty of ${ridge} on the slopes; odds ratios are shrunk and their intervals approximate`;
  },
  droppedColumns(kind: 'constant' | 'collinear', names: readonly string[]): string {
    return `dropped ${kind} column${names.length === 1 ? '' : 's'}: ${names.join(', ')}`;
  },
} as const;

/**
 * Ordinary least squares from accumulated normal equations (XᵀX, Xᵀy), so the generator can state
 * the exact regression a key-driver analysis should reproduce on the exported rows.
 */
export interface NormalEquations {
  readonly size: number;
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  n: number;
}

/** k predictors plus an intercept (column 0). */
export function createNormalEquations(k: number): NormalEquations {
  const size = k + 1;
  return { size, xtx: new Float64Array(size * size), xty: new Float64Array(size), n: 0 };
}

export function addObservation(eq: NormalEquations, x: readonly number[], y: number): void {
  const row = [1, ...x];
  if (row.length !== eq.size) throw new Error(`expected ${eq.size - 1} predictors, got ${x.length}`);
  for (let i = 0; i < eq.size; i++) {
    eq.xty[i]! += row[i]! * y;
    for (let j = 0; j < eq.size; j++) eq.xtx[i * eq.size + j]! += row[i]! * row[j]!;
  }
  eq.n++;
}

/** Coefficients [intercept, b1..bk] by Gaussian elimination with partial pivoting; undefined if singular. */
export function solveNormalEquations(eq: NormalEquations): number[] | undefined {
  const n = eq.size;
  const a = Array.from({ length: n }, (_, i) => [...eq.xtx.slice(i * n, i * n + n), eq.xty[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-9) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/**
 * R² of the regression of the outcome on every subset of p drivers, from the correlation matrix
 * alone (no regression on rows). Subsets are enumerated depth-first by their largest member; each
 * step takes one Schur complement (a forward sweep) of the parent's matrix, restricted to the
 * drivers that can still be added plus the outcome. A subset whose largest driver is k costs
 * (p − k)²/2 operations, so all 2^p subsets together cost about 3·2^p: p = 20 takes well under a
 * second. Only forward sweeps are used (no un-sweeping), so rounding errors do not accumulate
 * along the enumeration: every subset is as accurate as a direct Cholesky solve.
 *
 * A driver whose remaining variance, given the subset, is below `tolerance` adds nothing to the
 * fit (it is a combination of the subset); the subset with it gets the same R² as without it.
 */

export const MAX_SUBSET_DRIVERS = 24;

/**
 * `matrix` is the (p+1)×(p+1) correlation (or covariance) matrix with the outcome last.
 * Returns r2 with r2[mask] = R² of the drivers whose bits are set in `mask` (bit k = driver k).
 */
export function allSubsetsRSquared(matrix: Float64Array, p: number, tolerance = 1e-10): Float64Array {
  const size = p + 1;
  if (matrix.length !== size * size) throw new RangeError(`expected a ${size}×${size} matrix, got ${matrix.length} entries`);
  if (p > MAX_SUBSET_DRIVERS) throw new RangeError(`all-subsets R² is limited to ${MAX_SUBSET_DRIVERS} drivers, got ${p}`);
  const yy = matrix[p * size + p];
  if (!(yy > 0)) throw new RangeError('the outcome has no variance');
  const r2 = new Float64Array(2 ** p);
  // levels[d] holds the matrix after sweeping d drivers; only the upper triangle of the rows and
  // columns still in play (drivers after the last swept one, plus the outcome) is kept current.
  const levels: Float64Array[] = [];
  for (let d = 0; d <= p; d++) levels.push(new Float64Array(size * size));
  levels[0].set(matrix);
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) diag[k] = matrix[k * size + k];

  const last = p - 1;
  const yIndex = p * size + p;
  const visit = (level: number, mask: number, start: number): void => {
    const a = levels[level];
    const b = levels[level + 1];
    for (let k = start; k < last; k++) {
      const pivot = a[k * size + k];
      const rowK = k * size;
      if (pivot > tolerance * diag[k]) {
        const inv = 1 / pivot;
        for (let i = k + 1; i < size; i++) {
          const f = a[rowK + i] * inv;
          const rowI = i * size;
          for (let j = i; j < size; j++) b[rowI + j] = a[rowI + j] - f * a[rowK + j];
        }
      } else {
        for (let i = k + 1; i < size; i++) {
          const rowI = i * size;
          for (let j = i; j < size; j++) b[rowI + j] = a[rowI + j];
        }
      }
      const subset = mask | (1 << k);
      r2[subset] = 1 - b[yIndex] / yy;
      visit(level + 1, subset, k + 1);
    }
    // Half of all subsets end with the last driver: only the outcome's residual changes.
    const pivot = a[last * size + last];
    const residual = pivot > tolerance * diag[last] ? a[yIndex] - (a[last * size + p] * a[last * size + p]) / pivot : a[yIndex];
    r2[mask | (1 << last)] = 1 - residual / yy;
  };
  if (p > 0) visit(0, 0, 0);
  return r2;
}

/** Number of set bits of every mask below 2^p. */
export function popcountTable(p: number): Uint8Array {
  const table = new Uint8Array(2 ** p);
  for (let m = 1; m < table.length; m++) table[m] = table[m >> 1] + (m & 1);
  return table;
}

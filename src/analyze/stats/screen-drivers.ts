/**
 * Collinearity screening before a driver decomposition. Constant drivers (NaN correlations, as
 * DuckDB's corr() returns for a column with no variance) and drivers that are an exact linear
 * combination of earlier drivers are dropped, with a message naming them; the rest is analysed.
 *
 * Rule: drivers are visited in input order and kept while their variance unexplained by the
 * drivers already kept, 1 − R²ⱼ, stays above `tolerance` (default 1e-8, i.e. VIF below 10⁸).
 * In a collinear group the first drivers are kept and the last one is dropped.
 */
import { checkDriverCorrelation, InvalidCorrelationError, type DriverCorrelation } from './driver-correlation.ts';
import { statsMessages, type DroppedDriver } from './stats-messages.ts';

export interface ScreenedDrivers extends DriverCorrelation {
  /** indices of the kept drivers in the input order */
  readonly kept: readonly number[];
  readonly dropped: readonly DroppedDriver[];
  /** human-readable summary of what was dropped, undefined when nothing was */
  readonly message: string | undefined;
}

export interface ScreenOptions {
  readonly tolerance?: number;
}

export function screenDrivers(input: DriverCorrelation, options: ScreenOptions = {}): ScreenedDrivers {
  const tolerance = options.tolerance ?? 1e-8;
  const p = checkDriverCorrelation(input);
  const size = p + 1;
  const r = input.matrix;
  const y = p;
  if (!(r[y * size + y] > 0)) throw new InvalidCorrelationError(statsMessages.constantOutcome());
  const dropped: DroppedDriver[] = [];
  const candidates: number[] = [];
  for (let j = 0; j < p; j++) {
    const isConstant = !(r[j * size + j] > 0) || Number.isNaN(r[j * size + y]);
    if (isConstant) dropped.push({ name: input.drivers[j], reason: 'constant', with: [] });
    else candidates.push(j);
  }
  if (candidates.length === 0 && p > 0) {
    throw new InvalidCorrelationError(dropped.length === p ? statsMessages.constantOutcome() : statsMessages.noDriversLeft());
  }
  for (const a of candidates) {
    for (const b of candidates) {
      if (Number.isNaN(r[a * size + b])) {
        throw new InvalidCorrelationError(statsMessages.badMatrix(`correlation of ${input.drivers[a]} and ${input.drivers[b]} is missing`));
      }
    }
  }

  // Incremental Cholesky of the kept drivers' correlation matrix: row t of `factor` is L[t][0..t].
  const kept: number[] = [];
  const factor: Float64Array[] = [];
  for (const j of candidates) {
    const t = kept.length;
    const l = new Float64Array(t + 1);
    let explained = 0;
    for (let a = 0; a < t; a++) {
      let s = r[kept[a] * size + j];
      for (let b = 0; b < a; b++) s -= factor[a][b] * l[b];
      l[a] = s / factor[a][a];
      explained += l[a] * l[a];
    }
    const residual = r[j * size + j] - explained;
    if (residual > tolerance) {
      l[t] = Math.sqrt(residual);
      factor.push(l);
      kept.push(j);
      continue;
    }
    // Back-substitute Lᵀ b = l to find which kept drivers reproduce j.
    const coef = new Float64Array(t);
    for (let a = t - 1; a >= 0; a--) {
      let s = l[a];
      for (let b = a + 1; b < t; b++) s -= factor[b][a] * coef[b];
      coef[a] = s / factor[a][a];
    }
    const partners = kept.filter((_, a) => Math.abs(coef[a]) > 1e-6).map((k) => input.drivers[k]);
    dropped.push({ name: input.drivers[j], reason: 'collinear', with: partners });
  }

  const index = [...kept, y];
  const matrix = new Float64Array(index.length * index.length);
  index.forEach((a, i) => index.forEach((b, k) => (matrix[i * index.length + k] = r[a * size + b])));
  for (let i = 0; i < index.length; i++) matrix[i * index.length + i] = 1;
  dropped.sort((a, b) => input.drivers.indexOf(a.name) - input.drivers.indexOf(b.name));
  return {
    drivers: kept.map((k) => input.drivers[k]),
    matrix,
    kept,
    dropped,
    message: dropped.length > 0 ? statsMessages.droppedDrivers(dropped) : undefined,
  };
}

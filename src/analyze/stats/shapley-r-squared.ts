/**
 * Shapley value (LMG, Lindeman–Merenda–Gold) decomposition of R², exact: driver j's share is
 * Σ over subsets S without j of |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S)). The R² of all 2^p
 * subsets comes from the correlation matrix (see subset-r-squared.ts), so 20 drivers take about a
 * second whatever the number of responses. Shares sum to the full-model R² (efficiency).
 *
 * **Example:** two drivers with r₁y = 0.5, r₂y = 0.3, r₁₂ = 0.2: R² = 0.2870, shares
 * (0.25 + 0.2870 − 0.09)/2 = 0.2235 and (0.09 + 0.2870 − 0.25)/2 = 0.0635.
 */
import type { DriverCorrelation } from './driver-correlation.ts';
import { screenDrivers, type ScreenOptions } from './screen-drivers.ts';
import { allSubsetsRSquared, popcountTable, MAX_SUBSET_DRIVERS } from './subset-r-squared.ts';
import { driverImportance, type DriverImportance } from './driver-importance.ts';
import { statsMessages } from './stats-messages.ts';

/** Shapley shares from the table of subset R² values (r2[mask], 2^p entries). */
export function shapleyFromSubsets(r2: Float64Array, p: number): Float64Array {
  if (r2.length !== 2 ** p) throw new RangeError(`expected ${2 ** p} subset values, got ${r2.length}`);
  const weight = new Float64Array(p);
  weight[0] = 1 / p;
  for (let s = 0; s + 1 < p; s++) weight[s + 1] = (weight[s] * (s + 1)) / (p - s - 1);
  // weight of every subset by its size, then for each driver a branch-free sweep over the
  // subsets without it: blocks of `bit` consecutive masks alternate without / with driver j.
  const bits = popcountTable(p);
  const full = r2.length;
  const subsetWeight = new Float64Array(full);
  for (let mask = 0; mask < full; mask++) subsetWeight[mask] = weight[bits[mask]];
  const shares = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const bit = 1 << j;
    let acc = 0;
    for (let high = 0; high < full; high += 2 * bit) {
      const end = high + bit;
      for (let mask = high; mask < end; mask++) acc += subsetWeight[mask] * (r2[mask + bit] - r2[mask]);
    }
    shares[j] = acc;
  }
  return shares;
}

/** Exact Shapley/LMG shares of R² for a screened (p+1)×(p+1) matrix, outcome last. */
export function shapleyOfMatrix(matrix: Float64Array, p: number): { weights: Float64Array; rSquared: number } {
  if (p > MAX_SUBSET_DRIVERS) throw new RangeError(statsMessages.tooManyDrivers(p, MAX_SUBSET_DRIVERS));
  const r2 = allSubsetsRSquared(matrix, p);
  return { weights: shapleyFromSubsets(r2, p), rSquared: r2[r2.length - 1] };
}

/** Screens constant / collinear drivers, then decomposes R² exactly. */
export function shapleyRSquared(input: DriverCorrelation, options: ScreenOptions = {}): DriverImportance {
  const screened = screenDrivers(input, options);
  return driverImportance('shapley', screened, shapleyOfMatrix(screened.matrix, screened.drivers.length));
}

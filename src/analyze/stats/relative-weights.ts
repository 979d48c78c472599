/**
 * Johnson's (2000) relative weights. The predictors' correlation matrix Rxx = Q D Qᵀ gives the
 * orthogonal counterparts Z = X Λ⁻¹ with Λ = Q D^½ Qᵀ (the closest orthonormal approximation of
 * X). Regressing y on Z gives β = Λ⁻¹ rxy; each Zₖ is reassembled into the X's by Λ, so driver j's
 * raw weight is εⱼ = Σₖ Λⱼₖ² βₖ². The raw weights sum to the full-model R²; with orthogonal
 * drivers they are the squared standardized betas (= squared correlations with y).
 */
import type { DriverCorrelation } from './driver-correlation.ts';
import { screenDrivers, type ScreenOptions } from './screen-drivers.ts';
import { symmetricEigen, symmetricMatrixFunction } from './jacobi-eigen.ts';
import { submatrix, multiplyMatrixVector } from './dense-matrix.ts';
import { driverImportance, type DriverImportance } from './driver-importance.ts';

/** Raw relative weights for a screened (p+1)×(p+1) correlation matrix, outcome last. */
export function relativeWeightsOfMatrix(matrix: Float64Array, p: number): { weights: Float64Array; rSquared: number } {
  const size = p + 1;
  if (matrix.length !== size * size) throw new RangeError(`expected a ${size}×${size} matrix, got ${matrix.length} entries`);
  const index = Array.from({ length: p }, (_, i) => i);
  const rxx = submatrix(matrix, size, index);
  const rxy = index.map((i) => matrix[i * size + p]);
  const eigen = symmetricEigen(rxx, p);
  const smallest = eigen.values[p - 1];
  if (!(smallest > 1e-12)) throw new RangeError(`driver correlation matrix is singular (smallest eigenvalue ${smallest}); screen drivers first`);
  const lambda = symmetricMatrixFunction(eigen, p, Math.sqrt);
  const lambdaInverse = symmetricMatrixFunction(eigen, p, (v) => 1 / Math.sqrt(v));
  const beta = multiplyMatrixVector(lambdaInverse, p, p, rxy);
  const weights = new Float64Array(p);
  let rSquared = 0;
  for (let k = 0; k < p; k++) rSquared += beta[k] * beta[k];
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += lambda[j * p + k] * lambda[j * p + k] * beta[k] * beta[k];
    weights[j] = s;
  }
  return { weights, rSquared };
}

/** Screens constant / collinear drivers, then computes Johnson's relative weights. */
export function relativeWeights(input: DriverCorrelation, options: ScreenOptions = {}): DriverImportance {
  const screened = screenDrivers(input, options);
  return driverImportance('relative-weights', screened, relativeWeightsOfMatrix(screened.matrix, screened.drivers.length));
}

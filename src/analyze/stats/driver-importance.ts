/**
 * The result shared by the driver decompositions (Johnson's relative weights, Shapley/LMG):
 * raw weights that sum to the full-model R², and the same rescaled to percentages of R².
 */
import type { DroppedDriver } from './stats-messages.ts';
import type { ScreenedDrivers } from './screen-drivers.ts';

export type DriverMethod = 'relative-weights' | 'shapley';

export interface DriverImportance {
  readonly method: DriverMethod;
  /** analysed drivers (input order, dropped ones removed) */
  readonly drivers: readonly string[];
  /** raw weights, one per analysed driver; they sum to rSquared */
  readonly weights: Float64Array;
  /** weights as % of rSquared (sum 100) */
  readonly percent: Float64Array;
  /** R² of the full model on the analysed drivers */
  readonly rSquared: number;
  /** constant or collinear drivers removed before the analysis */
  readonly dropped: readonly DroppedDriver[];
  readonly message: string | undefined;
}

/** weights / sum × 100 (zeros when the sum is 0). */
export function toPercent(weights: Float64Array, total: number): Float64Array {
  return weights.map((w) => (total > 0 ? (100 * w) / total : 0));
}

/** The result of a decomposition (raw weights and their R²) of screened drivers, with percentages. */
export function driverImportance(
  method: DriverMethod,
  screened: Pick<ScreenedDrivers, 'drivers' | 'dropped' | 'message'>,
  result: { weights: Float64Array; rSquared: number },
): DriverImportance {
  return {
    method,
    drivers: screened.drivers,
    weights: result.weights,
    percent: toPercent(result.weights, result.rSquared),
    rSquared: result.rSquared,
    dropped: screened.dropped,
    message: screened.message,
  };
}

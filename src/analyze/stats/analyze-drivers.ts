/**
 * One entry point for a driver decomposition by name, as the pipeline settings will choose it.
 *
 * **Example:**
 * ```ts
 * const result = analyzeDrivers({ drivers: ['price', 'support'], matrix }, 'shapley');
 * // result.percent → shares of R² in %, result.dropped → constant / collinear drivers removed
 * ```
 */
import type { DriverCorrelation } from './driver-correlation.ts';
import type { DriverImportance, DriverMethod } from './driver-importance.ts';
import type { ScreenOptions } from './screen-drivers.ts';
import { relativeWeights } from './relative-weights.ts';
import { shapleyRSquared } from './shapley-r-squared.ts';

export function analyzeDrivers(input: DriverCorrelation, method: DriverMethod, options: ScreenOptions = {}): DriverImportance {
  switch (method) {
    case 'relative-weights':
      return relativeWeights(input, options);
    case 'shapley':
      return shapleyRSquared(input, options);
  }
}

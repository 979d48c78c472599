/**
 * Driver significance against a noise benchmark, with bootstrap intervals on every weight.
 * Each replicate takes a resampled correlation matrix (rows resampled by the caller, e.g. in
 * DuckDB, or by rowCorrelationResampler), computes the drivers' weights, then adds a seeded pure
 * noise variable (appendNoiseVariable) and recomputes the weights with it.
 *
 * Rule: a driver is significant when the lower bound of the percentile interval (at `level`) of
 * its weight minus the noise variable's weight, in the model that includes the noise, is above 0,
 * i.e. it beats random noise in at least (1 + level)/2 of the resamples (97.5 % at level 0.95).
 * The noise is drawn afresh in every resample with the exact sampling distribution of an
 * irrelevant variable observed on n rows; this is slightly less conservative than carrying one
 * fixed noise column through the bootstrap (whose correlations would also carry resampling jitter).
 * Note that a driver with no direct effect but correlated with real drivers still receives weight
 * (both methods share overlapping variance out), so it can beat the noise.
 */
import { createRng } from '../../util/random.ts';
import type { DriverCorrelation } from './driver-correlation.ts';
import { screenDrivers, type ScreenOptions } from './screen-drivers.ts';
import { appendNoiseVariable } from './noise-variable.ts';
import { relativeWeightsOfMatrix } from './relative-weights.ts';
import { shapleyOfMatrix } from './shapley-r-squared.ts';
import { submatrix } from './dense-matrix.ts';
import { percentileInterval, type Interval } from './bootstrap.ts';
import { driverImportance, type DriverImportance, type DriverMethod } from './driver-importance.ts';
import type { CorrelationResampler } from './resample-rows.ts';

export interface NoiseBenchmarkOptions {
  /** number of rows behind the correlation matrix (sets the noise variable's sampling spread) */
  readonly n: number;
  readonly method?: DriverMethod;
  readonly replicates?: number;
  readonly level?: number;
  readonly seed?: number;
  readonly screen?: ScreenOptions;
}

export interface DriverSignificance {
  readonly name: string;
  /** raw weight on the full sample */
  readonly weight: number;
  readonly percent: number;
  /** percentile interval of the raw weight */
  readonly interval: Interval;
  /** percentile interval of the percentage share */
  readonly percentInterval: Interval;
  /** percentile interval of (weight − noise weight) in the model with the noise variable */
  readonly marginOverNoise: Interval;
  /** share of resamples where the driver outweighs the noise variable */
  readonly shareAboveNoise: number;
  readonly significant: boolean;
}

export interface NoiseBenchmark {
  readonly importance: DriverImportance;
  readonly drivers: readonly DriverSignificance[];
  /** percentile interval of the noise variable's raw weight */
  readonly noiseInterval: Interval;
  readonly replicates: number;
  /** replicates skipped because their matrix was singular or malformed */
  readonly failed: number;
}

function decompose(method: DriverMethod, matrix: Float64Array, p: number): { weights: Float64Array; rSquared: number } {
  return method === 'shapley' ? shapleyOfMatrix(matrix, p) : relativeWeightsOfMatrix(matrix, p);
}

export async function benchmarkAgainstNoise(input: DriverCorrelation, resample: CorrelationResampler, options: NoiseBenchmarkOptions): Promise<NoiseBenchmark> {
  const method = options.method ?? 'relative-weights';
  const replicates = options.replicates ?? 200;
  const level = options.level ?? 0.95;
  const screened = screenDrivers(input, options.screen);
  const p = screened.drivers.length;
  const full = decompose(method, screened.matrix, p);
  const importance = driverImportance(method, screened, full);
  const keep = [...screened.kept, input.drivers.length];
  const rng = createRng(options.seed ?? 1);
  const weights = Array.from({ length: p }, () => new Float64Array(replicates).fill(Number.NaN));
  const percents = Array.from({ length: p }, () => new Float64Array(replicates).fill(Number.NaN));
  const margins = Array.from({ length: p }, () => new Float64Array(replicates).fill(Number.NaN));
  const noise = new Float64Array(replicates).fill(Number.NaN);
  const above = new Float64Array(p);
  let failed = 0;
  for (let b = 0; b < replicates; b++) {
    try {
      const resampled = await resample(b, rng);
      const matrix = submatrix(resampled, input.drivers.length + 1, keep);
      if (matrix.some((v) => !Number.isFinite(v))) throw new RangeError('resample has undefined correlations');
      const plain = decompose(method, matrix, p);
      const withNoise = decompose(method, appendNoiseVariable(matrix, p + 1, options.n, rng), p + 1);
      const noiseWeight = withNoise.weights[p];
      noise[b] = noiseWeight;
      for (let j = 0; j < p; j++) {
        weights[j][b] = plain.weights[j];
        percents[j][b] = plain.rSquared > 0 ? (100 * plain.weights[j]) / plain.rSquared : 0;
        margins[j][b] = withNoise.weights[j] - noiseWeight;
        if (withNoise.weights[j] > noiseWeight) above[j]++;
      }
    } catch (error) {
      if (!(error instanceof RangeError || (error instanceof Error && error.name === 'SingularMatrixError'))) throw error;
      failed++;
    }
  }
  const valid = replicates - failed;
  const drivers = screened.drivers.map((name, j): DriverSignificance => {
    const marginOverNoise = percentileInterval(margins[j], level);
    return {
      name,
      weight: full.weights[j],
      percent: importance.percent[j],
      interval: percentileInterval(weights[j], level),
      percentInterval: percentileInterval(percents[j], level),
      marginOverNoise,
      shareAboveNoise: valid > 0 ? above[j] / valid : Number.NaN,
      significant: valid > 0 && marginOverNoise.low > 0,
    };
  });
  return { importance, drivers, noiseInterval: percentileInterval(noise, level), replicates, failed };
}

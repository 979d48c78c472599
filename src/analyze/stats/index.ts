/**
 * The statistics core of driver analyses: pure functions over arrays and correlation matrices
 * (no I/O). Aggregates and correlation matrices are computed in DuckDB and passed in here.
 *
 *   correlation matrix ─┬─ screenDrivers (drop constant / collinear)
 *                       ├─ relativeWeights · shapleyRSquared → DriverImportance
 *                       └─ benchmarkAgainstNoise (bootstrap CIs, noise significance)
 *   2×3 theme table ──── themeImpact · bootstrapThemeImpact
 *   per-account sums ─── bootstrapClusteredThemeImpacts (account-level bootstrap; a share or a mean: score-of-sums)
 *   counts ───────────── npsFromCounts · npsStandardError · proportionLift
 *   box statistics ───── penaltyReward (Kano categories)
 *   design matrix ────── fitLogisticRegression · predictLogistic
 */
export { analyzeDrivers } from './analyze-drivers.ts';
export { relativeWeights, relativeWeightsOfMatrix } from './relative-weights.ts';
export { shapleyRSquared, shapleyOfMatrix, shapleyFromSubsets } from './shapley-r-squared.ts';
export { allSubsetsRSquared, MAX_SUBSET_DRIVERS } from './subset-r-squared.ts';
export { screenDrivers, type ScreenedDrivers, type ScreenOptions } from './screen-drivers.ts';
export { checkDriverCorrelation, correlationFromRows, InvalidCorrelationError, type DriverCorrelation } from './driver-correlation.ts';
export { toPercent, type DriverImportance, type DriverMethod } from './driver-importance.ts';
export { benchmarkAgainstNoise, type NoiseBenchmark, type NoiseBenchmarkOptions, type DriverSignificance } from './noise-benchmark.ts';
export { appendNoiseVariable } from './noise-variable.ts';
export { rowCorrelationResampler, type CorrelationResampler } from './resample-rows.ts';
export { themeImpact, bootstrapThemeImpact, type ThemeTable, type ThemeImpactBootstrap, type ThemeImpactOptions } from './theme-impact.ts';
export { bootstrapClusteredThemeImpacts, type ClusteredThemeCell, type ClusteredImpactOptions } from './clustered-theme-impact.ts';
export { npsOfClassCounts, meanOfSums, shareEstimate, meanEstimate, type ScoreOfSums, type ScoreEstimate } from './score-of-sums.ts';
export { proportionLift, wilsonInterval, type ProportionCount, type ProportionLift } from './proportion-lift.ts';
export { npsFromCounts, npsStandardError, npsEstimate, npsCategory, type NpsCounts, type NpsEstimate } from './nps.ts';
export { normalCdf, normalSurvival, normalQuantile, erf, twoSidedPValue, zCritical } from './normal-distribution.ts';
export { percentileInterval, quantileSorted, sampleStandardDeviation, bootstrapReplicates, resampleIndices, type Interval } from './bootstrap.ts';
export { sampleBinomial, sampleMultinomial, sampleGamma, sampleBeta, sampleChiSquare } from './random-variates.ts';
export { penaltyReward, attributeBoxesFromRows, boxCutoffs, boxStatsFromNpsCounts, type AttributeBoxes, type BoxStats, type PenaltyReward, type KanoCategory } from './penalty-reward.ts';
export { fitLogisticRegression, predictLogistic, type LogisticInput, type LogisticModel } from './logistic-regression.ts';
export { benjaminiHochbergQValues, countDiscoveries } from './benjamini-hochberg.ts';
export { statsMessages, type DroppedDriver } from './stats-messages.ts';
export { cholesky, choleskySolve, choleskyInverse, solveSymmetric, invertSymmetric, SingularMatrixError } from './cholesky.ts';
export { symmetricEigen, symmetricMatrixFunction, type SymmetricEigen } from './jacobi-eigen.ts';

-- A night starts from a copy of the previous night's database: its brand comparison is dropped before
-- this night's is computed, so a night without benchmark answers publishes none (not the last one).
-- The tables of BENCHMARK_TABLES (src/analyze/benchmark/compute-benchmark.ts).
DROP TABLE IF EXISTS benchmark_nps;
DROP TABLE IF EXISTS benchmark_gaps;
DROP TABLE IF EXISTS benchmark_gap_trend;
DROP TABLE IF EXISTS benchmark_attribute_gaps;
DROP TABLE IF EXISTS benchmark_reference;

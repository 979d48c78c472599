-- Published reference figures as they were given: reference points with their n and source. No margin,
-- no test: they are not samples of ours.
CREATE OR REPLACE TABLE benchmark_reference AS
SELECT brand, period, nps, n, source
FROM reference_scores
ORDER BY period, brand, source;

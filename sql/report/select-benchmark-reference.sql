-- Published reference figures, as given.
SELECT brand, period, nps, n, source FROM benchmark_reference ORDER BY period, brand, source;

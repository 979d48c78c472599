-- Quarantined rows per source and reason, for the run summary.
SELECT source, reason_code, count(*)::INTEGER AS n FROM quarantine GROUP BY ALL ORDER BY source, reason_code;

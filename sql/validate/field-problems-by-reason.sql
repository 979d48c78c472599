-- Fields set missing on accepted rows, per source and reason, for the run summary.
SELECT source, reason_code, count(*)::INTEGER AS n FROM field_problems GROUP BY ALL ORDER BY source, reason_code;

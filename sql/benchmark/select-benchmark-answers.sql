-- Every accepted benchmark answer with its quarter, in a stable order (the bootstrap resamples by position).
SELECT brand, role, strftime(date_trunc('quarter', responded_at), '%Y-%m-%d') AS quarter, segment, nps AS score, ratings
FROM benchmark
ORDER BY response_id, _source_file, _line;

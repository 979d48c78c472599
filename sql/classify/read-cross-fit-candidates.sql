-- The rows of cross_fit_rows chosen to train the fold models (their ords in cross_fit_candidates), whole, in
-- response id order (the columns of read-cross-fit-chunk.sql).
SELECT c.response_id, c.fold_key, c.text_hash, c.label, c.hashes, c.polarity, c.positive, c.negative, c.hits
FROM cross_fit_rows c SEMI JOIN cross_fit_candidates k ON k.ord = c.ord ORDER BY c.ord;

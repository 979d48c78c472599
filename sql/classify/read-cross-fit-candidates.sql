-- The rows of cross_fit_rows chosen to train the fold models (their ords in cross_fit_candidates), whole, in
-- response id order: the same columns as read-cross-fit-chunk.sql (every column after ord).
SELECT c.* EXCLUDE (ord) FROM cross_fit_rows c SEMI JOIN cross_fit_candidates k ON k.ord = c.ord ORDER BY c.ord;

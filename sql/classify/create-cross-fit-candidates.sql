-- The ords of the cross_fit_rows chosen to train the fold models (appended by cross-fit-phase.ts, read back whole
-- by read-cross-fit-candidates.sql, dropped after).
CREATE OR REPLACE TEMP TABLE cross_fit_candidates (ord BIGINT);

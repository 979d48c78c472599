-- For each record the parser rejected: how many accepted records precede it in its file (accepted_before)
-- and the physical lines taken by rejected records up to and including it (cum_span).
-- A staged record k (0-based) sits on line header_lines + 1 + k + cum_span of the last reject with accepted_before <= k.
CREATE OR REPLACE TEMP TABLE stg_reject_offsets AS
SELECT r.file_id,
       r.line - f.header_lines - 1 - coalesce(sum(r.span) OVER w_before, 0) AS accepted_before,
       sum(r.span) OVER w_upto AS cum_span
FROM stg_rejects r JOIN stg_files f USING (file_id)
WINDOW w_before AS (PARTITION BY r.file_id ORDER BY r.line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
       w_upto AS (PARTITION BY r.file_id ORDER BY r.line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

-- Line shifts of every staged file (multi-line records, blank lines and rejected records move later records down).
-- A staged record k (0-based) sits on line header_lines + 1 + k + cum_span of the last shift with accepted_before <= k.
CREATE OR REPLACE TEMP TABLE stg_reject_offsets AS
SELECT file_id, accepted_before, cum_span FROM stg_line_shifts ORDER BY file_id, accepted_before;

-- explorer_source(as_of) for a run database without a usable explorer_rows (a run written before it, or changed
-- since): the verbatims of explorer_verbatims (sql/report/create-explorer-verbatims-macro.sql), the search on the
-- folded text redacted in DuckDB (redact_pii, the twin of redactPii: planned with every query, hence slower), and
-- `text` NULL: the caller redacts `verbatim` itself.
CREATE OR REPLACE TEMP MACRO explorer_source(as_of) AS TABLE
SELECT v.response_id, v.day, v.nps, v.csat, v.ces, v.segment, v.region, v.owner, v.journey_stage, v.touchpoint, v.survey_type, v.language, v.arr, v.submitted_at,
  v.verbatim, NULL::VARCHAR AS text, explorer_fold(redact_pii(v.verbatim)) AS folded
FROM explorer_verbatims(as_of) v;

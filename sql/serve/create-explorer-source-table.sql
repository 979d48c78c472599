-- explorer_source(as_of): the served explorer's verbatims, read from the table the run wrote (explorer_rows,
-- sql/report/create-explorer-rows.sql, for the run's own date): `text` redacted and `folded` for the search, no
-- verbatim. served-explorer.ts uses it only when explorer_rows matches explorer_verbatims(as_of) row for row.
-- (Columns are qualified: the parameters of explorer_selection, which calls it, would replace bare names such as segment.)
CREATE OR REPLACE TEMP MACRO explorer_source(as_of) AS TABLE
SELECT e.response_id, e.day, e.nps, e.csat, e.ces, e.segment, e.region, e.owner, e.journey_stage, e.touchpoint, e.survey_type, e.language, e.arr, e.submitted_at,
  NULL::VARCHAR AS verbatim, e.text, e.folded
FROM explorer_rows e;

-- How many verbatims of explorer_verbatims($as_of) the run's explorer_rows misses, holds in excess, or holds with
-- another text (md5) or other fields: 0 when `ecoute serve` may answer from explorer_rows.
SELECT count(*) AS n
FROM explorer_verbatims($as_of) v
FULL JOIN explorer_rows e ON e.response_id = v.response_id
WHERE v.response_id IS NULL OR e.response_id IS NULL
  OR e.verbatim_hash IS DISTINCT FROM md5(v.verbatim)
  OR e.day IS DISTINCT FROM v.day OR e.submitted_at IS DISTINCT FROM v.submitted_at
  OR e.nps IS DISTINCT FROM v.nps OR e.csat IS DISTINCT FROM v.csat OR e.ces IS DISTINCT FROM v.ces
  OR e.segment IS DISTINCT FROM v.segment OR e.region IS DISTINCT FROM v.region OR e.owner IS DISTINCT FROM v.owner
  OR e.journey_stage IS DISTINCT FROM v.journey_stage OR e.touchpoint IS DISTINCT FROM v.touchpoint
  OR e.survey_type IS DISTINCT FROM v.survey_type OR e.language IS DISTINCT FROM v.language OR e.arr IS DISTINCT FROM v.arr;

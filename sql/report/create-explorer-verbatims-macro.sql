-- explorer_verbatims(as_of): every verbatim of the run (non-empty text, submitted up to as_of) for the
-- dashboard's verbatim explorer: the response's date, scores and journey fields, the account's segment,
-- region and owner ('(unknown)' when not mapped, as in the charts), and the account's latest ARR on or
-- before as_of; submitted_at for the order (newest first). The verbatim leaves DuckDB unredacted and is
-- redacted by the caller (src/report/explorer/explorer-columns.ts).
CREATE OR REPLACE TEMP MACRO explorer_verbatims(as_of) AS TABLE
WITH latest_arr AS (
  SELECT account_id, arg_max(arr, period) AS arr
  FROM revenue WHERE period <= as_of::DATE AND arr IS NOT NULL
  GROUP BY account_id
)
SELECT
  r.response_id,
  strftime(r.submitted_at, '%Y-%m-%d') AS day,
  r.nps,
  r.csat,
  r.ces,
  coalesce(a.segment, '(unknown)') AS segment,
  coalesce(a.region, '(unknown)') AS region,
  coalesce(a.owner, '(unknown)') AS owner,
  coalesce(r.journey_stage, '(unknown)') AS journey_stage,
  coalesce(r.touchpoint, '(unknown)') AS touchpoint,
  coalesce(r.survey_type, '(unknown)') AS survey_type,
  coalesce(r.language, '(unknown)') AS language,
  l.arr,
  r.verbatim,
  r.submitted_at
FROM responses r
LEFT JOIN accounts a ON a.account_id = r.account_id
LEFT JOIN latest_arr l ON l.account_id = r.account_id
WHERE r.submitted_at < as_of::DATE + INTERVAL 1 DAY
  AND r.verbatim IS NOT NULL AND trim(r.verbatim) <> '';

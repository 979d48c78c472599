-- The 48-hour call-back list: detractors, and passives with at least one negative theme mention,
-- among non-employee responses submitted in the $window_days days up to $as_of. Each row carries
-- the account, its latest ARR (revenue period on or before $as_of), owner, themes, and due_by =
-- submitted_at + 48 hours; "overdue" when due_by is before the end of $as_of.
-- ARR at risk comes from temp view callback_risk (account_churn_risk when the run has it), else ARR.
-- The verbatim leaves DuckDB unredacted here and is redacted by the caller before any output.
WITH recent AS (
  SELECT r.response_id, r.account_id, r.contact_id, r.submitted_at, r.nps, r.verbatim, r.journey_stage, r.touchpoint, r.survey_type, r.language
  FROM responses r
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
    AND r.submitted_at >= $as_of::DATE + INTERVAL 1 DAY - to_days($window_days::INTEGER)
    AND r.nps IS NOT NULL
    AND NOT coalesce(r.survey_type = 'employee', false)
),
themes AS (
  SELECT response_id,
    list(DISTINCT theme_id ORDER BY theme_id) FILTER (WHERE sentiment_label = 'negative') AS negative_themes,
    list(DISTINCT theme_id ORDER BY theme_id) AS themes
  FROM callback_mentions
  GROUP BY response_id
),
latest_arr AS (
  SELECT account_id, arg_max(arr, period) AS arr
  FROM revenue WHERE period <= $as_of::DATE AND arr IS NOT NULL
  GROUP BY account_id
)
SELECT
  r.response_id,
  r.account_id,
  a.name AS account_name,
  a.segment,
  a.region,
  a.owner,
  r.contact_id,
  strftime(r.submitted_at, '%Y-%m-%dT%H:%M:%SZ') AS submitted_at,
  strftime(r.submitted_at + INTERVAL 48 HOUR, '%Y-%m-%dT%H:%M:%SZ') AS due_by,
  CASE WHEN r.submitted_at + INTERVAL 48 HOUR < $as_of::DATE + INTERVAL 1 DAY THEN 'overdue' ELSE 'open' END AS status,
  r.nps,
  CASE WHEN r.nps <= 6 THEN 'detractor' ELSE 'passive' END AS nps_category,
  r.journey_stage,
  r.touchpoint,
  r.survey_type,
  r.language,
  l.arr,
  k.churn_probability,
  coalesce(k.arr_at_risk, l.arr) AS arr_at_risk,
  CASE WHEN k.arr_at_risk IS NOT NULL THEN 'churn_model' WHEN l.arr IS NOT NULL THEN 'arr' ELSE 'none' END AS arr_at_risk_source,
  coalesce(t.negative_themes, []) AS negative_themes,
  coalesce(t.themes, []) AS themes,
  r.verbatim
FROM recent r
LEFT JOIN accounts a ON a.account_id = r.account_id
LEFT JOIN latest_arr l ON l.account_id = r.account_id
LEFT JOIN callback_risk k ON k.account_id = r.account_id
LEFT JOIN themes t ON t.response_id = r.response_id
WHERE r.nps <= 6 OR (r.nps <= 8 AND len(coalesce(t.negative_themes, [])) > 0)
ORDER BY arr_at_risk DESC NULLS LAST, r.submitted_at, r.response_id;

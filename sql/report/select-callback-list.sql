-- The call-back list (pipeline section `callbacks:`): non-employee responses submitted in the $window_days
-- days up to $as_of that need a call-back by the rule: NPS at or below $nps_max (NULL: off), passives
-- (NPS 7-8) with at least one negative theme mention when $passives_negative, CSAT at or below $csat_max
-- (NULL: off; such rows may have no NPS); then only accounts whose latest ARR (revenue period on or before
-- $as_of) is at least $min_arr ($min_arr 0: every row, accounts without ARR included).
-- Each row carries the account, ARR, owner, themes, the reasons it is on the list, and
-- due_by = submitted_at + $within_hours hours; "overdue" when due_by is before the end of $as_of.
-- ARR at risk comes from temp view callback_risk (account_churn_risk when the run has it), else ARR.
-- The verbatim leaves DuckDB unredacted here and is redacted by the caller before any output.
WITH recent AS (
  SELECT r.response_id, r.account_id, r.contact_id, r.submitted_at, r.nps, r.csat, r.verbatim, r.journey_stage, r.touchpoint, r.survey_type, r.language
  FROM responses r
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
    AND r.submitted_at >= $as_of::DATE + INTERVAL 1 DAY - to_days($window_days::INTEGER)
    AND (r.nps IS NOT NULL OR r.csat IS NOT NULL)
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
),
reasons AS (
  SELECT r.*,
    list_filter([
      CASE WHEN r.nps <= $nps_max::INTEGER THEN 'nps' END,
      CASE WHEN $passives_negative::BOOLEAN AND r.nps BETWEEN 7 AND 8 AND len(coalesce(t.negative_themes, [])) > 0 THEN 'passive_negative_theme' END,
      CASE WHEN r.csat <= $csat_max::INTEGER THEN 'csat' END
    ], x -> x IS NOT NULL) AS reasons,
    t.negative_themes, t.themes
  FROM recent r
  LEFT JOIN themes t ON t.response_id = r.response_id
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
  strftime(r.submitted_at + to_hours($within_hours::INTEGER), '%Y-%m-%dT%H:%M:%SZ') AS due_by,
  CASE WHEN r.submitted_at + to_hours($within_hours::INTEGER) < $as_of::DATE + INTERVAL 1 DAY THEN 'overdue' ELSE 'open' END AS status,
  r.nps,
  CASE WHEN r.nps <= 6 THEN 'detractor' WHEN r.nps <= 8 THEN 'passive' WHEN r.nps IS NOT NULL THEN 'promoter' END AS nps_category,
  r.csat,
  r.reasons,
  r.journey_stage,
  r.touchpoint,
  r.survey_type,
  r.language,
  l.arr,
  k.churn_probability,
  coalesce(k.arr_at_risk, l.arr) AS arr_at_risk,
  CASE WHEN k.arr_at_risk IS NOT NULL THEN 'churn_model' WHEN l.arr IS NOT NULL THEN 'arr' ELSE 'none' END AS arr_at_risk_source,
  coalesce(r.negative_themes, []) AS negative_themes,
  coalesce(r.themes, []) AS themes,
  r.verbatim
FROM reasons r
LEFT JOIN accounts a ON a.account_id = r.account_id
LEFT JOIN latest_arr l ON l.account_id = r.account_id
LEFT JOIN callback_risk k ON k.account_id = r.account_id
WHERE len(r.reasons) > 0
  AND ($min_arr::DOUBLE <= 0 OR l.arr >= $min_arr::DOUBLE)
ORDER BY arr_at_risk DESC NULLS LAST, r.submitted_at, r.response_id;

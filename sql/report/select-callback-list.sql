-- The call-back list (pipeline section `callbacks:`): the call-back items (temp table callback_items,
-- sql/callbacks/create-callback-items.sql, which applies the rule and gives each item its status) of the
-- responses submitted in the $window_days days up to $as_of, with the account, ARR, owner, themes, the
-- reasons each is on the list, and its first follow-up (when the pipeline has a followups source).
-- ARR at risk comes from temp view callback_risk (account_churn_risk when the run has it), else ARR.
-- The verbatim and the follow-up's notes leave DuckDB unredacted here and are redacted by the caller before any output.
SELECT
  r.response_id,
  r.account_id,
  a.name AS account_name,
  a.segment,
  a.region,
  a.owner,
  r.contact_id,
  strftime(r.submitted_at, '%Y-%m-%dT%H:%M:%SZ') AS submitted_at,
  strftime(r.due_at, '%Y-%m-%dT%H:%M:%SZ') AS due_by,
  r.status,
  strftime(r.called_at, '%Y-%m-%dT%H:%M:%SZ') AS called_at,
  r.hours_to_call,
  r.call_outcome,
  r.called_by,
  r.call_notes,
  r.nps,
  CASE WHEN r.nps <= 6 THEN 'detractor' WHEN r.nps <= 8 THEN 'passive' WHEN r.nps IS NOT NULL THEN 'promoter' END AS nps_category,
  r.csat,
  r.ces,
  r.reasons,
  r.journey_stage,
  r.touchpoint,
  r.survey_type,
  r.language,
  r.arr,
  k.churn_probability,
  coalesce(k.arr_at_risk, r.arr) AS arr_at_risk,
  CASE WHEN k.arr_at_risk IS NOT NULL THEN 'churn_model' WHEN r.arr IS NOT NULL THEN 'arr' ELSE 'none' END AS arr_at_risk_source,
  r.negative_themes,
  r.themes,
  r.verbatim
FROM callback_items r
LEFT JOIN accounts a ON a.account_id = r.account_id
LEFT JOIN callback_risk k ON k.account_id = r.account_id
WHERE r.submitted_at >= $as_of::DATE + INTERVAL 1 DAY - to_days($window_days::INTEGER)
ORDER BY arr_at_risk DESC NULLS LAST, r.submitted_at, r.response_id;

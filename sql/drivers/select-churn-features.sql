-- Account-level features for the churn model, per unit: customer feedback (employee surveys only
-- feed eNPS) in the window before the unit's reference date (responses, mean NPS, themes
-- mentioned negatively / positively), the latest ARR on or before that date, segment, owner and tenure in years (from $tenure_source).
-- Themes come as bit strings over $themes (bit j = 1: the j-th theme was mentioned), NULL when
-- none: far cheaper to aggregate and to read than three lists of ids per account.
WITH u AS (SELECT * FROM drivers_churn_units),
theme_index AS (SELECT unnest($themes) AS theme_id, generate_subscripts($themes, 1)::INTEGER AS idx),
resp AS (
  SELECT u.unit, u.account_id, r.response_id, r.nps
  FROM u
  JOIN responses r
    ON r.account_id = u.account_id
   AND r.submitted_at < u.ref_date
   AND r.submitted_at >= u.ref_date - to_days($window_days::INTEGER)
   AND NOT coalesce(r.survey_type = 'employee', false)
),
themes AS (
  SELECT
    resp.unit,
    resp.account_id,
    bitstring_agg(ti.idx, 1, $theme_count) FILTER (WHERE m.sentiment = 'negative')::VARCHAR AS negative_themes,
    bitstring_agg(ti.idx, 1, $theme_count) FILTER (WHERE m.sentiment = 'positive')::VARCHAR AS positive_themes,
    bitstring_agg(ti.idx, 1, $theme_count) FILTER (WHERE m.sentiment = 'any')::VARCHAR AS any_themes
  FROM resp
  JOIN drivers_mentions m ON m.response_id = resp.response_id
  JOIN theme_index ti ON ti.theme_id = m.theme_id
  GROUP BY ALL
),
scores AS (
  SELECT unit, account_id, count(nps)::INTEGER AS nps_responses, avg(nps) AS mean_nps
  FROM resp
  GROUP BY ALL
),
arr AS (
  SELECT u.unit, u.account_id, arg_max(v.arr, v.period) AS arr
  FROM u
  JOIN revenue v ON v.account_id = u.account_id AND v.period <= u.ref_date AND v.arr IS NOT NULL AND isfinite(v.arr)
  GROUP BY ALL
),
starts AS (
  SELECT account_id, min(period)::DATE AS started FROM revenue WHERE $tenure_source = 'first_revenue_period' GROUP BY account_id
  UNION ALL
  SELECT account_id, min(submitted_at)::DATE FROM responses WHERE $tenure_source = 'first_response' GROUP BY account_id
)
SELECT
  u.unit,
  u.account_id,
  u.ref_date::VARCHAR AS ref_date,
  u.churned,
  coalesce(a.segment, '(unknown)') AS segment,
  coalesce(a.owner, '(unknown)') AS owner,
  arr.arr,
  CASE WHEN s.started IS NOT NULL AND s.started <= u.ref_date THEN datediff('day', s.started, u.ref_date) / 365.25 END AS tenure_years,
  coalesce($tenure_source = 'first_revenue_period' AND s.started = (SELECT min(period)::DATE FROM revenue), false) AS tenure_truncated,
  coalesce(sc.nps_responses, 0) AS nps_responses,
  sc.mean_nps,
  t.negative_themes,
  t.positive_themes,
  t.any_themes
FROM u
LEFT JOIN drivers_accounts a ON a.account_id = u.account_id
LEFT JOIN themes t ON t.unit = u.unit AND t.account_id = u.account_id
LEFT JOIN scores sc ON sc.unit = u.unit AND sc.account_id = u.account_id
LEFT JOIN arr ON arr.unit = u.unit AND arr.account_id = u.account_id
LEFT JOIN starts s ON s.account_id = u.account_id
ORDER BY u.unit DESC, u.account_id;

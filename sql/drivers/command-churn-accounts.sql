-- `ecoute drivers --target churn`: the accounts with the most ARR at risk.
SELECT account_id, segment, owner, round(arr) AS arr, round(churn_probability * 100, 1) AS churn_pct,
  round(arr_at_risk) AS arr_at_risk, top_theme
FROM account_churn_risk
ORDER BY arr_at_risk DESC NULLS LAST, account_id
LIMIT $limit;

-- Every theme's revenue link (dissatisfier_ranking), for the sentence that names the themes without
-- a reliable one (revenue_link is NULL for every theme when the run has no churn model); tested = the
-- theme's ARR at risk has a q-value (its churn-model column was fitted); fdr_level = the level used.
SELECT theme_id, revenue_link, arr_at_risk_q_value IS NOT NULL AND isfinite(arr_at_risk_q_value) AS tested, fdr_level
FROM dissatisfier_ranking
ORDER BY theme_id;

-- `ecoute drivers --target churn`: churn and lifetime value by NPS category of the training accounts,
-- for all accounts and within each segment (lifetime value across segments mixes their ARR and churn).
SELECT segment, nps_category, training_accounts, round(churn_rate * 100, 1) AS churn_pct, round(churn_rate_ci_low * 100, 1) AS churn_pct_ci_low,
  round(churn_rate_ci_high * 100, 1) AS churn_pct_ci_high, round(mean_arr) AS mean_arr, round(lifetime_value) AS lifetime_value,
  round(lifetime_value_ci_low) AS lifetime_value_ci_low, round(lifetime_value_ci_high) AS lifetime_value_ci_high, small_n
FROM roi_nps_categories
ORDER BY segment <> 'all', segment, CASE nps_category WHEN 'detractor' THEN 1 WHEN 'passive' THEN 2 WHEN 'promoter' THEN 3 ELSE 4 END
LIMIT $limit;

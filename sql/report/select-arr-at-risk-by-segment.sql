-- ARR at risk per segment × theme (table arr_at_risk_by_segment): every cell, with whether it is reliably
-- above zero (interval above zero and q below the run's false-discovery level). The report keeps the cells
-- of its top dissatisfiers and says "no reliable link" for the others.
SELECT segment, theme_id, active_accounts_mentioning, arr_at_risk, arr_at_risk_ci_low, arr_at_risk_ci_high, arr_at_risk_q_value,
  coalesce(revenue_link = 'revenue dissatisfier', false) AS reliable
FROM arr_at_risk_by_segment
ORDER BY segment, theme_id;

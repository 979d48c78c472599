-- The biggest NPS drivers: themes whose negative mentions lower NPS reliably (theme_impact overall,
-- sentiment 'negative': interval below zero, q below the FDR level; above zero for CES, more effort), the
-- worst first ($worse: WORSE_DIRECTION of the driver score, -1 lower is worse, +1 higher is worse), with their
-- revenue link (dissatisfier_ranking) and churn lift, so the report can say when no reliable revenue
-- link was found.
SELECT d.theme_id, d.revenue_link, d.rank_by_arr_at_risk, d.fdr_level, d.negative_mentions,
  i.impact, i.impact_ci_low, i.impact_ci_high, i.q_value AS impact_q_value, i.frequency, i.nps_with, i.nps_without
FROM dissatisfier_ranking d
JOIN theme_impact i ON i.theme_id = d.theme_id AND i.dimension = 'overall' AND i.sentiment = 'negative'
WHERE d.nps_driver
ORDER BY -$worse * i.impact, d.theme_id
LIMIT $limit;

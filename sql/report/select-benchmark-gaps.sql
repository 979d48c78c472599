-- The gap with each competitor over the whole window (all segments) and in the latest quarter, with the
-- number of comparisons the q-values were adjusted over.
SELECT g.own_brand, g.competitor, g.gap, g.ci_low, g.ci_high, g.q_value, g.significant, g.n_own, g.n_competitor, g.own_nps, g.competitor_nps,
       g.comparisons, l.period AS latest_quarter, l.gap AS latest_gap, l.ci_low AS latest_ci_low, l.ci_high AS latest_ci_high, l.q_value AS latest_q_value,
       t.slope_per_quarter, t.ci_low AS slope_ci_low, t.ci_high AS slope_ci_high, t.q_value AS slope_q_value, t.quarters
FROM benchmark_gaps g
LEFT JOIN (
  SELECT * FROM benchmark_gaps WHERE segment = 'all' AND period <> 'all'
  QUALIFY row_number() OVER (PARTITION BY competitor ORDER BY period DESC) = 1
) l USING (competitor)
LEFT JOIN benchmark_gap_trend t USING (competitor)
WHERE g.period = 'all' AND g.segment = 'all'
ORDER BY g.gap, g.competitor;

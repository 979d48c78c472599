-- Response rate per period (finest grain), overall (f_segment = 'all') and per segment.
WITH grain AS (
  SELECT grain FROM response_rates WHERE grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 ELSE 3 END LIMIT 1
)
SELECT
  CASE WHEN dimension = 'overall' THEN 'all' ELSE dimension_value END AS f_segment,
  strftime(period, '%Y-%m-%d') AS period,
  invitations,
  responses,
  round(rate, 4) AS rate,
  round(ci_low, 4) AS ci_low,
  round(ci_high, 4) AS ci_high,
  round(target, 4) AS target,
  below_target,
  small_n
FROM response_rates
WHERE grain = (SELECT grain FROM grain) AND dimension IN ('overall', 'segment') AND rate IS NOT NULL
ORDER BY f_segment, period;

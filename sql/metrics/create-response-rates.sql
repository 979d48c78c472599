-- response_rates from the response_rate_counts prepared by one of the create-response-rate-counts-* files.
-- rate = responses / invitations with a binomial (normal approximation) 95 % margin, NULL when the
-- ratio exceeds 1 (counted mode: not a proportion). below_target: rate < $target;
-- clearly_below_target: even the upper CI bound is below it. small_n: invitations < $min_n.
CREATE OR REPLACE TABLE response_rates AS
WITH rated AS (
  SELECT *, metric_ratio(responses, invitations) AS rate
  FROM response_rate_counts
),
estimated AS (
  SELECT *, CASE WHEN responses <= invitations THEN metric_proportion_se(rate, invitations) END AS se
  FROM rated
)
SELECT
  grain, period, dimension, dimension_value,
  invitations::INTEGER AS invitations, responses::INTEGER AS responses,
  rate, se, metric_margin_95(se) AS moe,
  metric_clamp(rate - metric_margin_95(se), 0.0, 1.0) AS ci_low,
  metric_clamp(rate + metric_margin_95(se), 0.0, 1.0) AS ci_high,
  $target::DOUBLE AS target,
  rate < $target::DOUBLE AS below_target,
  coalesce(rate + metric_margin_95(se) < $target::DOUBLE, false) AS clearly_below_target,
  invitations < $min_n AS small_n,
  $match_rule::VARCHAR AS match_rule
FROM estimated
ORDER BY grain, period NULLS FIRST, dimension, dimension_value;

-- metric_cells: one row per (metric, grain, period, dimension, dimension_value).
-- Parameters: $as_of (run date, responses submitted after it are ignored), $grains (list of
-- 'all' | 'week' | 'month' | 'quarter'), $min_n (cells with n < min_n are small).
-- Metrics: nps, csat (top-2-box % of 1..5), ces (mean of 1..7) from non-employee surveys;
-- enps (NPS of survey_type 'employee'). Missing dimension values are grouped as '(unknown)'.
-- n_flagged: how many of the cell's n responses carry a quality flag (speeder, straight-liner kept by
-- settings.quality: flag). Only cells with at least one answer exist. All aggregates are exact integer counts and sums,
-- so values are byte-identical across runs. Needs the macros of metrics/create-stat-macros.
-- Rows are counted per day for each dimension (grouping sets), then the small day table is rolled up
-- into each grain.
CREATE OR REPLACE TABLE metric_cells AS
WITH scored AS (
  SELECT
    r.submitted_at::DATE AS day,
    coalesce(r.survey_type = 'employee', false) AS is_employee,
    coalesce(len(r.quality_flags), 0) > 0 AS flagged,
    CASE WHEN r.nps BETWEEN 0 AND 10 THEN r.nps END AS nps,
    CASE WHEN r.csat BETWEEN 1 AND 5 THEN r.csat END AS csat,
    CASE WHEN r.ces BETWEEN 1 AND 7 THEN r.ces END AS ces,
    coalesce(a.segment, '(unknown)') AS segment,
    coalesce(a.region, '(unknown)') AS region,
    coalesce(a.owner, '(unknown)') AS owner,
    coalesce(r.journey_stage, '(unknown)') AS journey_stage,
    coalesce(r.touchpoint, '(unknown)') AS touchpoint,
    coalesce(r.channel, '(unknown)') AS channel
  FROM responses r
  LEFT JOIN accounts a ON a.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
    AND (r.nps IS NOT NULL OR r.csat IS NOT NULL OR r.ces IS NOT NULL)
),
day_counts AS (
  SELECT day,
    CASE
      WHEN grouping(segment) = 0 THEN 'segment'
      WHEN grouping(region) = 0 THEN 'region'
      WHEN grouping(owner) = 0 THEN 'owner'
      WHEN grouping(journey_stage) = 0 THEN 'journey_stage'
      WHEN grouping(touchpoint) = 0 THEN 'touchpoint'
      WHEN grouping(channel) = 0 THEN 'channel'
      ELSE 'overall'
    END AS dimension,
    -- outside its grouping set a column is NULL, and grouped values are never NULL (coalesced above)
    coalesce(segment, region, owner, journey_stage, touchpoint, channel, 'all') AS dimension_value,
    count(nps) FILTER (WHERE NOT is_employee) AS nps_n,
    count(nps) FILTER (WHERE NOT is_employee AND flagged) AS nps_f,
    count(nps) FILTER (WHERE is_employee AND flagged) AS enps_f,
    count(csat) FILTER (WHERE NOT is_employee AND flagged) AS csat_f,
    count(ces) FILTER (WHERE NOT is_employee AND flagged) AS ces_f,
    count(*) FILTER (WHERE NOT is_employee AND nps >= 9) AS nps_p,
    count(*) FILTER (WHERE NOT is_employee AND nps <= 6) AS nps_d,
    count(nps) FILTER (WHERE is_employee) AS enps_n,
    count(*) FILTER (WHERE is_employee AND nps >= 9) AS enps_p,
    count(*) FILTER (WHERE is_employee AND nps <= 6) AS enps_d,
    count(csat) FILTER (WHERE NOT is_employee) AS csat_n,
    count(*) FILTER (WHERE NOT is_employee AND csat >= 4) AS csat_top2,
    count(ces) FILTER (WHERE NOT is_employee) AS ces_n,
    sum(ces) FILTER (WHERE NOT is_employee) AS ces_sum,
    sum(ces * ces) FILTER (WHERE NOT is_employee) AS ces_sum_sq
  FROM scored
  GROUP BY GROUPING SETS (
    (day), (day, segment), (day, region), (day, owner), (day, journey_stage), (day, touchpoint), (day, channel)
  )
),
counts AS (
  SELECT g.grain, metric_period_start(g.grain, dc.day) AS period, dc.dimension, dc.dimension_value,
    sum(nps_f)::BIGINT AS nps_f, sum(enps_f)::BIGINT AS enps_f, sum(csat_f)::BIGINT AS csat_f, sum(ces_f)::BIGINT AS ces_f,
    sum(nps_n)::BIGINT AS nps_n, sum(nps_p)::BIGINT AS nps_p, sum(nps_d)::BIGINT AS nps_d,
    sum(enps_n)::BIGINT AS enps_n, sum(enps_p)::BIGINT AS enps_p, sum(enps_d)::BIGINT AS enps_d,
    sum(csat_n)::BIGINT AS csat_n, sum(csat_top2)::BIGINT AS csat_top2,
    sum(ces_n)::BIGINT AS ces_n, sum(ces_sum)::BIGINT AS ces_sum, sum(ces_sum_sq)::BIGINT AS ces_sum_sq
  FROM day_counts dc CROSS JOIN (SELECT unnest($grains::VARCHAR[]) AS grain) g
  GROUP BY ALL
),
long AS (
  SELECT 'nps' AS metric, grain, period, dimension, dimension_value, nps_n AS n, nps_f AS n_flagged,
    metric_ratio(nps_p, nps_n) AS promoters, metric_ratio(nps_n - nps_p - nps_d, nps_n) AS passives,
    metric_ratio(nps_d, nps_n) AS detractors, NULL::DOUBLE AS top2box, NULL::DOUBLE AS mean, NULL::DOUBLE AS variance
  FROM counts WHERE nps_n > 0
  UNION ALL
  SELECT 'enps', grain, period, dimension, dimension_value, enps_n, enps_f,
    metric_ratio(enps_p, enps_n), metric_ratio(enps_n - enps_p - enps_d, enps_n), metric_ratio(enps_d, enps_n),
    NULL, NULL, NULL
  FROM counts WHERE enps_n > 0
  UNION ALL
  SELECT 'csat', grain, period, dimension, dimension_value, csat_n, csat_f,
    NULL, NULL, NULL, metric_ratio(csat_top2, csat_n), NULL, NULL
  FROM counts WHERE csat_n > 0
  UNION ALL
  SELECT 'ces', grain, period, dimension, dimension_value, ces_n, ces_f,
    NULL, NULL, NULL, NULL, metric_ratio(ces_sum, ces_n), metric_sample_variance(ces_sum, ces_sum_sq, ces_n)
  FROM counts WHERE ces_n > 0
),
estimated AS (
  SELECT *,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_nps_points(promoters, detractors)
      WHEN metric = 'csat' THEN 100.0 * top2box ELSE mean END AS value,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_nps_se_points(promoters, detractors, n)
      WHEN metric = 'csat' THEN 100.0 * metric_proportion_se(top2box, n) ELSE metric_mean_se(variance, n) END AS se,
    CASE WHEN metric IN ('nps', 'enps') THEN -100.0 WHEN metric = 'csat' THEN 0.0 ELSE 1.0 END AS scale_min,
    CASE WHEN metric IN ('nps', 'enps') THEN 100.0 WHEN metric = 'csat' THEN 100.0 ELSE 7.0 END AS scale_max,
    n < $min_n AS small_n
  FROM long
),
compared AS (
  SELECT cur.*, prev.period AS previous_period, prev.n AS previous_n, prev.value AS previous_value,
    prev.se AS previous_se, prev.small_n AS previous_small_n,
    cur.value - prev.value AS change, metric_difference_se(cur.se, prev.se) AS change_se
  FROM estimated cur
  LEFT JOIN estimated prev
    ON prev.metric = cur.metric AND prev.grain = cur.grain AND prev.dimension = cur.dimension
    AND prev.dimension_value = cur.dimension_value AND prev.period = metric_period_shift(cur.grain, cur.period, -1)
)
SELECT
  metric, grain, period,
  (metric_period_shift(grain, period, 1) - INTERVAL 1 DAY)::DATE AS period_end,
  CASE WHEN grain <> 'all' THEN metric_period_shift(grain, period, 1) <= $as_of::DATE + INTERVAL 1 DAY END AS period_complete,
  dimension, dimension_value, n::INTEGER AS n, n_flagged::INTEGER AS n_flagged,
  value, promoters, passives, detractors, top2box, mean,
  se, metric_margin_95(se) AS moe,
  metric_clamp(value - metric_margin_95(se), scale_min, scale_max) AS ci_low,
  metric_clamp(value + metric_margin_95(se), scale_min, scale_max) AS ci_high,
  small_n,
  previous_period, previous_n::INTEGER AS previous_n, previous_value, change, change_se,
  change / NULLIF(change_se, 0) AS z,
  metric_two_sided_p(change / NULLIF(change_se, 0)) AS p_value,
  coalesce(metric_two_sided_p(change / NULLIF(change_se, 0)) < 0.05 AND NOT small_n AND NOT previous_small_n, false) AS significant
FROM compared
ORDER BY metric, grain, period NULLS FIRST, dimension, dimension_value;

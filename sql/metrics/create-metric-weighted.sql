-- metric_weighted: NPS (non-employee surveys) overall and per segment, for each grain and period,
-- estimated four ways (column `method`):
--   unweighted                    every respondent counts once; n_eff = n.
--   role_weighted                 respondent weight w = metric_role_weights[contacts.role], else $default_weight;
--                                 weighted promoter/detractor shares, n_eff = (sum w)^2 / sum w^2 (Kish),
--                                 SE from the weighted shares with n_eff.
--   account_rollup                one score per account = mean of its respondents' 0-10 scores, classified
--                                 promoter if >= 9, detractor if < 7, passive otherwise; n = n_eff = accounts.
--   account_rollup_role_weighted  the same with role-weighted account means (accounts whose respondents all
--                                 weigh 0 drop out).
-- Responses without account_id only enter the respondent-level methods. small_n: n_eff < $min_n.
-- se is clustered by account (linearisation of the ratio of weighted totals θ = Σ w s / Σ w, s = +1 / 0 / −1:
-- u_a = Σ_{i∈a} w_i (s_i − θ), var = C/(C−1) Σ_a u_a² / (Σ w)², a response without account its own cluster;
-- for the account roll-ups every account is one unit); se_srs is the former SE from the shares and n_eff,
-- design_effect = se² / se_srs²; moe and the CI use the clustered se.
-- Weights are DECIMAL(18,6) (settings rounded to 6 decimals) so weighted sums are exact whatever the
-- order of parallel aggregation: results are identical across runs.
CREATE OR REPLACE TABLE metric_weighted AS
WITH base AS (
  SELECT r.submitted_at::DATE AS day, r.account_id, r.response_id, r.nps,
    coalesce(a.segment, '(unknown)') AS segment,
    coalesce(rw.weight, $default_weight::DOUBLE)::DECIMAL(18, 6) AS w
  FROM responses r
  LEFT JOIN accounts a ON a.account_id = r.account_id
  LEFT JOIN contacts c ON c.contact_id = r.contact_id
  LEFT JOIN metric_role_weights rw ON rw.role = c.role
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
    AND r.nps BETWEEN 0 AND 10
    AND NOT coalesce(r.survey_type = 'employee', false)
),
grains AS (SELECT unnest($grains::VARCHAR[]) AS grain),
-- Roll-up, step 1: each cluster's totals once per period (the segment is an attribute of the account: one
-- value per cluster), also the account's score sums for the roll-up methods
cluster_totals AS (
  SELECT g.grain, metric_period_start(g.grain, b.day) AS period, b.account_id,
    CASE WHEN b.account_id IS NULL THEN b.response_id END AS response_id, b.segment,
    count(*) AS n, count(*) FILTER (WHERE b.nps >= 9) AS n_p, count(*) FILTER (WHERE b.nps <= 6) AS n_d,
    sum(b.w) AS w_a, sum(b.w * b.nps_sign) AS sw_a, sum(b.w * b.w) AS w2_a,
    sum(b.w) FILTER (WHERE b.nps >= 9) AS w_p, sum(b.w) FILTER (WHERE b.nps <= 6) AS w_d,
    sum(b.nps) AS score_sum, sum(b.w * b.nps) AS w_score_sum
  FROM (SELECT *, CASE WHEN nps >= 9 THEN 1 WHEN nps <= 6 THEN -1 ELSE 0 END AS nps_sign FROM base) b CROSS JOIN grains g
  GROUP BY ALL
),
-- step 2: sums over the clusters of each segment (exact: integer counts and DECIMAL weights)
respondent_segments AS (
  SELECT grain, period, segment,
    sum(n) AS n, sum(n_p) AS n_p, sum(n_d) AS n_d, count(*) AS clusters,
    sum((n_p - n_d) * (n_p - n_d)) AS ss, sum((n_p - n_d) * n) AS sn, sum(n * n) AS nn,
    sum(w_a) AS sum_w, sum(w2_a) AS sum_w2, sum(w_p) AS sum_w_p, sum(w_d) AS sum_w_d,
    sum(sw_a) AS w_s, sum(sw_a * sw_a) AS w_ss, sum(sw_a * w_a) AS w_sn, sum(w_a * w_a) AS w_nn
  FROM cluster_totals
  GROUP BY ALL
),
-- step 3: the segments rolled up into the overall cell and each segment's own
respondent_cells AS (
  SELECT grain, period, d.dimension AS dimension, d.value AS dimension_value,
    sum(n)::BIGINT AS n, sum(n_p)::BIGINT AS n_p, sum(n_d)::BIGINT AS n_d, sum(clusters) AS clusters,
    sum(ss) AS ss, sum(sn) AS sn, sum(nn) AS nn,
    sum(sum_w)::DOUBLE AS sum_w, sum(sum_w2)::DOUBLE AS sum_w2,
    coalesce(sum(sum_w_p), 0)::DOUBLE AS sum_w_p, coalesce(sum(sum_w_d), 0)::DOUBLE AS sum_w_d,
    sum(w_s)::DOUBLE AS w_s, sum(w_ss)::DOUBLE AS w_ss, sum(w_sn)::DOUBLE AS w_sn, sum(w_nn)::DOUBLE AS w_nn
  FROM (
    SELECT *, unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': segment}]) AS d
    FROM respondent_segments
  )
  GROUP BY ALL
),
account_scores AS (
  SELECT grain, period, account_id, segment,
    score_sum::DOUBLE / n AS mean_score,
    w_score_sum::DOUBLE / NULLIF(w_a::DOUBLE, 0) AS mean_score_weighted
  FROM cluster_totals
  WHERE account_id IS NOT NULL
),
account_cells AS (
  SELECT grain, period, d.dimension AS dimension, d.value AS dimension_value,
    count(*) AS n,
    count(*) FILTER (WHERE mean_score >= 9) AS n_p,
    count(*) FILTER (WHERE mean_score < 7) AS n_d,
    count(mean_score_weighted) AS n_weighted,
    count(*) FILTER (WHERE mean_score_weighted >= 9) AS n_p_weighted,
    count(*) FILTER (WHERE mean_score_weighted < 7) AS n_d_weighted
  FROM (
    SELECT *, unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': segment}]) AS d
    FROM account_scores
  )
  GROUP BY ALL
),
long AS (
  SELECT 'unweighted' AS method, grain, period, dimension, dimension_value, n, n::DOUBLE AS n_eff,
    n::DOUBLE AS sum_weight, metric_ratio(n_p, n) AS promoters, metric_ratio(n_d, n) AS detractors,
    metric_cluster_ratio_variance(clusters, n::HUGEINT, (n_p - n_d)::HUGEINT, ss::HUGEINT, sn::HUGEINT, nn::HUGEINT) AS cluster_variance
  FROM respondent_cells
  UNION ALL
  SELECT 'role_weighted', grain, period, dimension, dimension_value, n, metric_effective_n(sum_w, sum_w2),
    sum_w, sum_w_p / NULLIF(sum_w, 0), sum_w_d / NULLIF(sum_w, 0),
    metric_cluster_ratio_variance(clusters, sum_w, w_s, w_ss, w_sn, w_nn)
  FROM respondent_cells
  UNION ALL
  SELECT 'account_rollup', grain, period, dimension, dimension_value, n, n::DOUBLE,
    n::DOUBLE, metric_ratio(n_p, n), metric_ratio(n_d, n),
    metric_cluster_ratio_variance(n, n::HUGEINT, (n_p - n_d)::HUGEINT, (n_p + n_d)::HUGEINT, (n_p - n_d)::HUGEINT, n::HUGEINT)
  FROM account_cells
  UNION ALL
  SELECT 'account_rollup_role_weighted', grain, period, dimension, dimension_value, n_weighted, n_weighted::DOUBLE,
    n_weighted::DOUBLE, metric_ratio(n_p_weighted, n_weighted), metric_ratio(n_d_weighted, n_weighted),
    metric_cluster_ratio_variance(n_weighted, n_weighted::HUGEINT, (n_p_weighted - n_d_weighted)::HUGEINT,
      (n_p_weighted + n_d_weighted)::HUGEINT, (n_p_weighted - n_d_weighted)::HUGEINT, n_weighted::HUGEINT)
  FROM account_cells
  WHERE n_weighted > 0
),
estimated AS (
  SELECT *, metric_nps_points(promoters, detractors) AS value, 100.0 * sqrt(cluster_variance) AS se,
    metric_nps_se_points(promoters, detractors, n_eff) AS se_srs
  FROM long
)
SELECT
  method, grain, period, dimension, dimension_value,
  n::INTEGER AS n, n_eff, sum_weight,
  promoters, 1.0 - promoters - detractors AS passives, detractors,
  value, se, se_srs, metric_design_effect(se, se_srs) AS design_effect, metric_margin_95(se) AS moe,
  metric_clamp(value - metric_margin_95(se), -100.0, 100.0) AS ci_low,
  metric_clamp(value + metric_margin_95(se), -100.0, 100.0) AS ci_high,
  coalesce(n_eff, 0) < $min_n AS small_n
FROM estimated
ORDER BY method, grain, period NULLS FIRST, dimension, dimension_value;

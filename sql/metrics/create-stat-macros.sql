-- The statistics formulas used by every metric table, each defined once.
-- Temporary macros, prefixed metric_ so they never clash with other phases' macros: they live on the
-- connection that computes the metrics and are inlined into the CREATE TABLE ... AS queries at bind
-- time (the tables never reference them later).
-- Every division goes through NULLIF(denominator, 0) and every square root through metric_non_negative(.):
-- DuckDB returns Infinity/NaN for x/0, and NaN must never reach a JSON summary or a Parquet file.
-- Clamps go through these macros, never bare least/greatest: DuckDB's least/greatest skip NULLs
-- (greatest(0, NULL) = 0), which would turn an unknown into a confident 0.

-- x, or 0 when x is negative (rounding); NULL stays NULL.
CREATE OR REPLACE TEMP MACRO metric_non_negative(x) AS CASE WHEN x < 0 THEN 0.0 ELSE x END;

-- x clamped to [lo, hi]; NULL stays NULL.
CREATE OR REPLACE TEMP MACRO metric_clamp(x, lo, hi) AS CASE WHEN x < lo THEN lo WHEN x > hi THEN hi ELSE x END;

-- x / n as a double, NULL when n = 0.
CREATE OR REPLACE TEMP MACRO metric_ratio(x, n) AS x::DOUBLE / NULLIF(n, 0);

-- NPS in points (-100..100) from the promoter and detractor proportions.
CREATE OR REPLACE TEMP MACRO metric_nps_points(p, d) AS 100.0 * (p - d);

-- Standard error of NPS in points: 100 * sqrt((p + d - (p - d)^2) / n), p and d proportions.
-- n may be an effective sample size (weighted NPS).
CREATE OR REPLACE TEMP MACRO metric_nps_se_points(p, d, n) AS
  100.0 * sqrt(metric_non_negative(p + d - (p - d) * (p - d)) / NULLIF(n, 0));

-- Binomial standard error of a proportion p over n trials (same unit as p).
CREATE OR REPLACE TEMP MACRO metric_proportion_se(p, n) AS sqrt(metric_non_negative(p * (1.0 - p)) / NULLIF(n, 0));

-- Sample variance from exact integer sums (sum x, sum x^2): deterministic, unlike a parallel
-- floating-point stddev. NULL below two observations.
CREATE OR REPLACE TEMP MACRO metric_sample_variance(sx, sxx, n) AS
  CASE WHEN n >= 2 THEN metric_non_negative((n::DOUBLE * sxx - sx::DOUBLE * sx) / (n::DOUBLE * (n - 1))) END;

-- Standard error of a mean from its sample variance.
CREATE OR REPLACE TEMP MACRO metric_mean_se(variance, n) AS sqrt(variance / NULLIF(n, 0));

-- Half-width of the 95 % normal confidence interval.
CREATE OR REPLACE TEMP MACRO metric_margin_95(se) AS 1.96 * se;

-- Standard error of the difference of two independent estimates.
CREATE OR REPLACE TEMP MACRO metric_difference_se(se1, se2) AS sqrt(se1 * se1 + se2 * se2);

-- Account-clustered (linearisation / sandwich) variance of a ratio of totals θ = s / n over clusters a
-- (an account, or a response without account: its own cluster), with cluster totals n_a and s_a:
--   u_a = s_a − θ n_a,   var(θ) = c / (c − 1) · Σ_a u_a² / n²   (c clusters; R survey's svymean/svyratio
--   with ids = ~account). Σ_a u_a² comes from the exact sums n = Σ n_a, s = Σ s_a, ss = Σ s_a², sn = Σ s_a n_a,
--   nn = Σ n_a²: n² Σ_a u_a² = n² ss − 2 s n sn + s² nn, exact when the sums are HUGEINT (integer scores).
-- c / (c − 1): NULL below two clusters (one cluster carries no information on its own variance).
CREATE OR REPLACE TEMP MACRO metric_cluster_factor(c) AS CASE WHEN c >= 2 THEN c::DOUBLE / (c - 1) END;
CREATE OR REPLACE TEMP MACRO metric_cluster_scaled_ss(n, s, ss, sn, nn) AS n * n * ss - 2 * s * n * sn + s * s * nn;
CREATE OR REPLACE TEMP MACRO metric_cluster_ratio_variance(c, n, s, ss, sn, nn) AS
  metric_cluster_factor(c) * metric_non_negative(metric_cluster_scaled_ss(n, s, ss, sn, nn)::DOUBLE)
    / NULLIF(n::DOUBLE * n * n * n, 0);

-- n n' Σ_a u_a u'_a for two ratios θ = s / n and θ' = s' / n' over the same clusters (u'_a = s'_a − θ' n'_a),
-- from the sums over the clusters present in both: s_s = Σ s_a s'_a, s_n = Σ s_a n'_a, n_s = Σ n_a s'_a,
-- n_n = Σ n_a n'_a (clusters present in one only add 0).
CREATE OR REPLACE TEMP MACRO metric_cluster_scaled_cross(n, s, n2, s2, s_s, s_n, n_s, n_n) AS
  n * n2 * s_s - n * s2 * s_n - s * n2 * n_s + s * s2 * n_n;

-- Clustered variance of θ − θ' (periods t and t − 1) by linearising the difference over the clusters of
-- either period: u_a = u_a(t) / n − u_a(t−1) / n', var = c / (c − 1) · Σ_a u_a², c = clusters in either period.
-- scaled = n² Σ u_a(t)², scaled2 = n'² Σ u_a(t−1)², shared_cross = n n' Σ u_a(t) u_a(t−1) (NULL: no shared cluster).
CREATE OR REPLACE TEMP MACRO metric_cluster_difference_variance(c, n, scaled, n2, scaled2, shared_cross) AS
  metric_cluster_factor(c) * metric_non_negative(
    scaled::DOUBLE / NULLIF(n::DOUBLE * n * n * n, 0) + scaled2::DOUBLE / NULLIF(n2::DOUBLE * n2 * n2 * n2, 0)
    - 2.0 * coalesce(shared_cross, 0)::DOUBLE / NULLIF(n::DOUBLE * n * n2 * n2, 0));

-- Design effect: the clustered variance over the simple-random-sampling variance of the same estimate.
CREATE OR REPLACE TEMP MACRO metric_design_effect(se, se_srs) AS (se * se) / NULLIF(se_srs * se_srs, 0);

-- Benjamini–Hochberg q-value of the test of rank k (1 = smallest p) among m: the running minimum of
-- p · m / k from the largest rank down is taken by the caller (a window min), then capped at 1.
CREATE OR REPLACE TEMP MACRO metric_bh_step(p, m, k) AS p * m / k;

-- Kish effective sample size from the sum of weights and the sum of squared weights.
CREATE OR REPLACE TEMP MACRO metric_effective_n(sum_w, sum_w2) AS sum_w * sum_w / NULLIF(sum_w2, 0);

-- Complementary error function, Numerical Recipes' erfcc (Chebyshev fit):
-- fractional error below 1.2e-7 everywhere, so tiny p-values keep their magnitude.
CREATE OR REPLACE TEMP MACRO metric_erfc_tail(ax, t) AS
  t * exp(-ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
    + t * (-0.82215223 + t * 0.17087277)))))))));
CREATE OR REPLACE TEMP MACRO metric_erfc_nonnegative(ax) AS metric_erfc_tail(ax, 1.0 / (1.0 + 0.5 * ax));
CREATE OR REPLACE TEMP MACRO metric_erfc_approx(x) AS
  CASE WHEN x >= 0 THEN metric_erfc_nonnegative(x::DOUBLE) ELSE 2.0 - metric_erfc_nonnegative(-x::DOUBLE) END;

-- Standard normal cumulative distribution function (clamped to [0, 1]: the fit overshoots by 3e-8 at 0).
CREATE OR REPLACE TEMP MACRO metric_normal_cdf(z) AS metric_clamp(0.5 * metric_erfc_approx(-z / sqrt(2.0)), 0.0, 1.0);

-- Two-sided p-value of a z statistic.
CREATE OR REPLACE TEMP MACRO metric_two_sided_p(z) AS metric_clamp(metric_erfc_approx(abs(z) / sqrt(2.0)), 0.0, 1.0);

-- Period start for a grain (week = ISO week starting Monday); NULL for the 'all' grain.
CREATE OR REPLACE TEMP MACRO metric_period_start(grain, ts) AS
  CASE WHEN grain = 'all' THEN NULL
    ELSE date_trunc(CASE WHEN grain = 'all' THEN 'day' ELSE grain END, ts)::DATE END; -- inner CASE: constant folding

-- The start of the period k periods after `period` (k = -1: previous period).
CREATE OR REPLACE TEMP MACRO metric_period_shift(grain, period, k) AS
  CASE grain
    WHEN 'week' THEN (period + to_days(7 * k))::DATE
    WHEN 'month' THEN (period + to_months(k))::DATE
    WHEN 'quarter' THEN (period + to_months(3 * k))::DATE
  END;

-- The metric_cells cells a row of per-cluster totals counts in: an account-level row (level 'account')
-- in the overall, segment, region and owner cells, a response-level row in its own dimension's cell.
CREATE OR REPLACE TEMP MACRO metric_cell_keys(level, level_value, segment, region, owner) AS
  CASE WHEN level = 'account' THEN [{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': segment},
      {'dimension': 'region', 'value': region}, {'dimension': 'owner', 'value': owner}]
    ELSE [{'dimension': level, 'value': level_value}] END;

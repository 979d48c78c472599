-- metric_cells: one row per (metric, grain, period, dimension, dimension_value).
-- Parameters: $as_of (run date, responses submitted after it are ignored), $grains (list of
-- 'all' | 'week' | 'month' | 'quarter'), $min_n (cells with n < min_n are small), $fdr_level (a change is
-- significant when its Benjamini–Hochberg q-value is below it).
-- Metrics: nps, csat (top-2-box % of 1..5), ces (mean of 1..7) from non-employee surveys;
-- enps (NPS of survey_type 'employee'). Missing dimension values are grouped as '(unknown)'.
-- n_flagged: how many of the cell's n responses carry a quality flag (speeder, straight-liner kept by
-- settings.quality: flag). Only cells with at least one answer exist. All aggregates are exact integer counts and sums,
-- so values are byte-identical across runs. Needs the macros of metrics/create-stat-macros.
--
-- Uncertainty is clustered by account: respondents of one account are not independent. Each metric is a
-- ratio of totals θ = Σ s_i / n over per-response scores s_i (NPS: +1 promoter, 0 passive, −1 detractor;
-- CSAT: 1 top-2-box, else 0; CES: the 1..7 score), shown in points (×100 for NPS and CSAT). Its SE is the
-- linearisation (sandwich) estimator with the account as cluster (metric_cluster_ratio_variance):
-- var = C/(C−1) · Σ_a (s_a − θ n_a)² / n², C = clusters in the cell. A response without account id is its
-- own cluster; with no account at all the SE is the simple-random-sampling one times sqrt(n/(n−1)) for
-- NPS and CSAT (whose SRS SE uses the p(1−p)/n form) and exactly the SRS one for CES (sample variance).
--   se, moe, ci_*    clustered (what users are shown)    se_srs   the former SRS SE, kept for comparison
--   design_effect    se² / se_srs²                        clusters C
-- A change (period vs the previous period of the same cell) is tested with the clustered SE of the
-- difference: accounts answering in both periods are correlated, so the difference is linearised over the
-- clusters of either period (u_a = u_a(t)/n_t − u_a(t−1)/n_{t−1}, var = C/(C−1) Σ u_a², C = clusters in
-- either period; metric_cluster_difference_variance). Multiple testing: every family of change tests
-- (metric × grain × dimension, every period and value) gets Benjamini–Hochberg q-values over its tests
-- with both cells at least min_n (family_tests: how many); `significant` is q_value < $fdr_level (column fdr_level).
CREATE OR REPLACE TABLE metric_cells AS
WITH cleaned AS (
  SELECT r.response_id, r.account_id, r.submitted_at::DATE AS day,
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
-- Roll-up, step 1: each cluster's totals once per period and finest cell key: answers n, flagged answers f,
-- promoters p and detractors d (NPS, eNPS), CSAT top-2-box count, CES sum and sum of squares (employee
-- answers count for eNPS only). The account-level set serves the overall, segment, region and owner cells alike (they are
-- attributes of the account: one value per cluster); each response-level dimension needs a set of its own.
cluster_rows AS (
  -- one row per response and grain; what each answer adds to its cluster's totals (0 or 1, the CES score and its square)
  SELECT g.grain, metric_period_start(g.grain, c.day) AS period,
    -- the cluster: the account, or the response itself when it has no account id
    c.account_id AS cluster_account, CASE WHEN c.account_id IS NULL THEN c.response_id END AS cluster_response,
    c.segment, c.region, c.owner, c.journey_stage, c.touchpoint, c.channel,
    (c.nps IS NOT NULL AND NOT c.is_employee)::INTEGER AS nps_n,
    (c.nps IS NOT NULL AND NOT c.is_employee AND c.flagged)::INTEGER AS nps_f,
    (c.nps IS NOT NULL AND c.is_employee AND c.flagged)::INTEGER AS enps_f,
    (c.csat IS NOT NULL AND NOT c.is_employee AND c.flagged)::INTEGER AS csat_f,
    (c.ces IS NOT NULL AND NOT c.is_employee AND c.flagged)::INTEGER AS ces_f,
    coalesce(NOT c.is_employee AND c.nps >= 9, false)::INTEGER AS nps_p,
    coalesce(NOT c.is_employee AND c.nps <= 6, false)::INTEGER AS nps_d,
    (c.nps IS NOT NULL AND c.is_employee)::INTEGER AS enps_n,
    coalesce(c.is_employee AND c.nps >= 9, false)::INTEGER AS enps_p,
    coalesce(c.is_employee AND c.nps <= 6, false)::INTEGER AS enps_d,
    (c.csat IS NOT NULL AND NOT c.is_employee)::INTEGER AS csat_n,
    coalesce(NOT c.is_employee AND c.csat >= 4, false)::INTEGER AS csat_s,
    (c.ces IS NOT NULL AND NOT c.is_employee)::INTEGER AS ces_n,
    CASE WHEN c.ces IS NOT NULL AND NOT c.is_employee THEN c.ces ELSE 0 END AS ces_s,
    CASE WHEN c.ces IS NOT NULL AND NOT c.is_employee THEN c.ces * c.ces ELSE 0 END AS ces_q
  FROM cleaned c CROSS JOIN (SELECT unnest($grains::VARCHAR[]) AS grain) g
),
-- the four groupings one after the other (UNION ALL of plain GROUP BYs, which DuckDB spills past memory_limit: as
-- GROUPING SETS they ran out of memory at 2,000,000 responses with DuckDB at 390 MiB; same cells, byte for byte)
cluster_cells AS MATERIALIZED (
  SELECT grain, period, metric_period_shift(grain, period, 1) AS next_period, cluster_account, level, level_value, segment, region, owner,
    COLUMNS('^(e?nps|csat|ces)_[a-z]$')
  FROM (
    SELECT grain, period, cluster_account, 'account' AS level, 'all' AS level_value, segment, region, owner, sum(COLUMNS('^(e?nps|csat|ces)_[a-z]$'))::BIGINT
    FROM cluster_rows GROUP BY grain, period, cluster_account, cluster_response, segment, region, owner
    UNION ALL
    SELECT grain, period, cluster_account, 'journey_stage', journey_stage, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, sum(COLUMNS('^(e?nps|csat|ces)_[a-z]$'))::BIGINT
    FROM cluster_rows GROUP BY grain, period, cluster_account, cluster_response, journey_stage
    UNION ALL
    SELECT grain, period, cluster_account, 'touchpoint', touchpoint, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, sum(COLUMNS('^(e?nps|csat|ces)_[a-z]$'))::BIGINT
    FROM cluster_rows GROUP BY grain, period, cluster_account, cluster_response, touchpoint
    UNION ALL
    SELECT grain, period, cluster_account, 'channel', channel, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, sum(COLUMNS('^(e?nps|csat|ces)_[a-z]$'))::BIGINT
    FROM cluster_rows GROUP BY grain, period, cluster_account, cluster_response, channel
  )
),
-- Roll-up, step 2: the sums over clusters per finest key (an account-level key is a segment × region ×
-- owner combination, a response-level key is its own cell): n = Σ n_a, p, d, s = Σ s_a (s_a = p_a − d_a for
-- NPS), q, f; ss = Σ s_a², sn = Σ s_a n_a, nn = Σ n_a², c = clusters with an answer. Sums of squares over
-- clusters add up across keys, so step 3 rolls the few key rows up into the cells.
key_sums AS (
  SELECT grain, period, level, level_value, segment, region, owner,
    sum(nps_n) AS nps_n, sum(nps_p) AS nps_p, sum(nps_d) AS nps_d, count(*) FILTER (WHERE nps_n > 0) AS nps_c,
    sum((nps_p - nps_d) * (nps_p - nps_d)) AS nps_ss, sum((nps_p - nps_d) * nps_n) AS nps_sn, sum(nps_n * nps_n) AS nps_nn,
    sum(enps_n) AS enps_n, sum(enps_p) AS enps_p, sum(enps_d) AS enps_d, count(*) FILTER (WHERE enps_n > 0) AS enps_c,
    sum((enps_p - enps_d) * (enps_p - enps_d)) AS enps_ss, sum((enps_p - enps_d) * enps_n) AS enps_sn, sum(enps_n * enps_n) AS enps_nn,
    sum(csat_n) AS csat_n, sum(csat_s) AS csat_s, count(*) FILTER (WHERE csat_n > 0) AS csat_c,
    sum(csat_s * csat_s) AS csat_ss, sum(csat_s * csat_n) AS csat_sn, sum(csat_n * csat_n) AS csat_nn,
    sum(ces_n) AS ces_n, sum(ces_s) AS ces_s, sum(ces_q) AS ces_q, count(*) FILTER (WHERE ces_n > 0) AS ces_c,
    sum(ces_s * ces_s) AS ces_ss, sum(ces_s * ces_n) AS ces_sn, sum(ces_n * ces_n) AS ces_nn,
    sum(nps_f) AS nps_f, sum(enps_f) AS enps_f, sum(csat_f) AS csat_f, sum(ces_f) AS ces_f
  FROM cluster_cells
  GROUP BY ALL
),
-- Roll-up, step 3: an account-level key row counts in the overall, segment, region and owner cells of its
-- period, a response-level key row in its own cell
wide AS (
  SELECT grain, period, cell.dimension AS dimension, cell.value AS dimension_value,
    sum(nps_n) AS nps_n, sum(nps_p) - sum(nps_d) AS nps_s, sum(nps_p) AS nps_p, sum(nps_d) AS nps_d, sum(nps_c) AS nps_c,
    sum(nps_ss) AS nps_ss, sum(nps_sn) AS nps_sn, sum(nps_nn) AS nps_nn,
    sum(enps_n) AS enps_n, sum(enps_p) - sum(enps_d) AS enps_s, sum(enps_p) AS enps_p, sum(enps_d) AS enps_d, sum(enps_c) AS enps_c,
    sum(enps_ss) AS enps_ss, sum(enps_sn) AS enps_sn, sum(enps_nn) AS enps_nn,
    sum(csat_n) AS csat_n, sum(csat_s) AS csat_s, sum(csat_c) AS csat_c, sum(csat_ss) AS csat_ss, sum(csat_sn) AS csat_sn, sum(csat_nn) AS csat_nn,
    sum(ces_n) AS ces_n, sum(ces_s) AS ces_s, sum(ces_q) AS ces_q, sum(ces_c) AS ces_c, sum(ces_ss) AS ces_ss, sum(ces_sn) AS ces_sn, sum(ces_nn) AS ces_nn,
    sum(nps_f) AS nps_f, sum(enps_f) AS enps_f, sum(csat_f) AS csat_f, sum(ces_f) AS ces_f
  FROM (SELECT *, unnest(metric_cell_keys(level, level_value, segment, region, owner)) AS cell FROM key_sums)
  GROUP BY ALL
),
counts AS (
  SELECT 'nps' AS metric, grain, period, dimension, dimension_value, nps_n AS n, nps_c AS clusters, nps_s AS s,
    nps_p + nps_d AS s_sq, nps_p AS pos, nps_d AS neg, nps_ss AS ss, nps_sn AS sn, nps_nn AS nn, nps_f AS n_flagged
  FROM wide WHERE nps_n > 0
  UNION ALL
  SELECT 'enps', grain, period, dimension, dimension_value, enps_n, enps_c, enps_s, enps_p + enps_d, enps_p, enps_d, enps_ss, enps_sn, enps_nn, enps_f
  FROM wide WHERE enps_n > 0
  UNION ALL
  SELECT 'csat', grain, period, dimension, dimension_value, csat_n, csat_c, csat_s, csat_s, csat_s, NULL, csat_ss, csat_sn, csat_nn, csat_f
  FROM wide WHERE csat_n > 0
  UNION ALL
  SELECT 'ces', grain, period, dimension, dimension_value, ces_n, ces_c, ces_s, ces_q, NULL, NULL, ces_ss, ces_sn, ces_nn, ces_f
  FROM wide WHERE ces_n > 0
),
-- Change tests: each account's totals in a period joined to its totals in the period before, once per
-- account and finest key (cross terms s_s = Σ s_a s'_a, s_n = Σ s_a n'_a, n_s = Σ n_a s'_a, n_n = Σ n_a n'_a,
-- shared = accounts answering in both), summed per key, then rolled up into the cells as above
shared_keys AS (
  SELECT cur.grain, cur.period, cur.level, cur.level_value, cur.segment, cur.region, cur.owner,
    count(*) FILTER (WHERE cur.nps_n > 0 AND prev.nps_n > 0) AS nps_shared,
    sum((cur.nps_p - cur.nps_d) * (prev.nps_p - prev.nps_d)) AS nps_s_s, sum((cur.nps_p - cur.nps_d) * prev.nps_n) AS nps_s_n,
    sum(cur.nps_n * (prev.nps_p - prev.nps_d)) AS nps_n_s, sum(cur.nps_n * prev.nps_n) AS nps_n_n,
    count(*) FILTER (WHERE cur.enps_n > 0 AND prev.enps_n > 0) AS enps_shared,
    sum((cur.enps_p - cur.enps_d) * (prev.enps_p - prev.enps_d)) AS enps_s_s, sum((cur.enps_p - cur.enps_d) * prev.enps_n) AS enps_s_n,
    sum(cur.enps_n * (prev.enps_p - prev.enps_d)) AS enps_n_s, sum(cur.enps_n * prev.enps_n) AS enps_n_n,
    count(*) FILTER (WHERE cur.csat_n > 0 AND prev.csat_n > 0) AS csat_shared,
    sum(cur.csat_s * prev.csat_s) AS csat_s_s, sum(cur.csat_s * prev.csat_n) AS csat_s_n, sum(cur.csat_n * prev.csat_s) AS csat_n_s, sum(cur.csat_n * prev.csat_n) AS csat_n_n,
    count(*) FILTER (WHERE cur.ces_n > 0 AND prev.ces_n > 0) AS ces_shared,
    sum(cur.ces_s * prev.ces_s) AS ces_s_s, sum(cur.ces_s * prev.ces_n) AS ces_s_n, sum(cur.ces_n * prev.ces_s) AS ces_n_s, sum(cur.ces_n * prev.ces_n) AS ces_n_n
  FROM (FROM cluster_cells WHERE grain <> 'all' AND cluster_account IS NOT NULL) cur
  JOIN (FROM cluster_cells WHERE grain <> 'all' AND cluster_account IS NOT NULL) prev
    ON prev.grain = cur.grain AND prev.next_period = cur.period AND prev.cluster_account = cur.cluster_account
    AND prev.level = cur.level AND prev.level_value = cur.level_value
  GROUP BY ALL
),
shared_wide AS (
  SELECT grain, period, cell.dimension AS dimension, cell.value AS dimension_value,
    sum(nps_shared) AS nps_shared, sum(nps_s_s) AS nps_s_s, sum(nps_s_n) AS nps_s_n, sum(nps_n_s) AS nps_n_s, sum(nps_n_n) AS nps_n_n,
    sum(enps_shared) AS enps_shared, sum(enps_s_s) AS enps_s_s, sum(enps_s_n) AS enps_s_n, sum(enps_n_s) AS enps_n_s, sum(enps_n_n) AS enps_n_n,
    sum(csat_shared) AS csat_shared, sum(csat_s_s) AS csat_s_s, sum(csat_s_n) AS csat_s_n, sum(csat_n_s) AS csat_n_s, sum(csat_n_n) AS csat_n_n,
    sum(ces_shared) AS ces_shared, sum(ces_s_s) AS ces_s_s, sum(ces_s_n) AS ces_s_n, sum(ces_n_s) AS ces_n_s, sum(ces_n_n) AS ces_n_n
  FROM (SELECT *, unnest(metric_cell_keys(level, level_value, segment, region, owner)) AS cell FROM shared_keys)
  GROUP BY ALL
),
shared AS (
  SELECT 'nps' AS metric, grain, period, dimension, dimension_value, nps_shared AS shared_clusters,
    nps_s_s AS s_s, nps_s_n AS s_n, nps_n_s AS n_s, nps_n_n AS n_n FROM shared_wide
  UNION ALL
  SELECT 'enps', grain, period, dimension, dimension_value, enps_shared, enps_s_s, enps_s_n, enps_n_s, enps_n_n FROM shared_wide
  UNION ALL
  SELECT 'csat', grain, period, dimension, dimension_value, csat_shared, csat_s_s, csat_s_n, csat_n_s, csat_n_n FROM shared_wide
  UNION ALL
  SELECT 'ces', grain, period, dimension, dimension_value, ces_shared, ces_s_s, ces_s_n, ces_n_s, ces_n_n FROM shared_wide
),
estimated AS (
  SELECT metric, grain, period, dimension, dimension_value, n, n_flagged, clusters, s, s_sq, ss, sn, nn,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_ratio(pos, n) END AS promoters,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_ratio(n - pos - neg, n) END AS passives,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_ratio(neg, n) END AS detractors,
    CASE WHEN metric = 'csat' THEN metric_ratio(pos, n) END AS top2box,
    CASE WHEN metric = 'ces' THEN metric_ratio(s, n) END AS mean,
    -- points per score unit
    CASE WHEN metric = 'ces' THEN 1.0 ELSE 100.0 END AS k,
    CASE WHEN metric IN ('nps', 'enps') THEN -100.0 WHEN metric = 'csat' THEN 0.0 ELSE 1.0 END AS scale_min,
    CASE WHEN metric IN ('nps', 'enps') THEN 100.0 WHEN metric = 'csat' THEN 100.0 ELSE 7.0 END AS scale_max,
    n < $min_n AS small_n
  FROM counts
),
with_se AS (
  SELECT *,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_nps_points(promoters, detractors)
      WHEN metric = 'csat' THEN 100.0 * top2box ELSE mean END AS value,
    k * sqrt(metric_cluster_ratio_variance(clusters, n::HUGEINT, s::HUGEINT, ss::HUGEINT, sn::HUGEINT, nn::HUGEINT)) AS se,
    CASE WHEN metric IN ('nps', 'enps') THEN metric_nps_se_points(promoters, detractors, n)
      WHEN metric = 'csat' THEN 100.0 * metric_proportion_se(top2box, n)
      ELSE metric_mean_se(metric_sample_variance(s, s_sq, n), n) END AS se_srs,
    metric_cluster_scaled_ss(n::HUGEINT, s::HUGEINT, ss::HUGEINT, sn::HUGEINT, nn::HUGEINT) AS scaled
  FROM estimated
),
compared AS (
  SELECT cur.*, prev.period AS previous_period, prev.n AS previous_n, prev.value AS previous_value,
    prev.small_n AS previous_small_n, coalesce(sh.shared_clusters, 0) AS shared_clusters,
    cur.value - prev.value AS change,
    cur.k * sqrt(metric_cluster_difference_variance(
      cur.clusters + prev.clusters - coalesce(sh.shared_clusters, 0),
      cur.n, cur.scaled, prev.n, prev.scaled,
      metric_cluster_scaled_cross(cur.n::HUGEINT, cur.s::HUGEINT, prev.n::HUGEINT, prev.s::HUGEINT, sh.s_s::HUGEINT, sh.s_n::HUGEINT, sh.n_s::HUGEINT, sh.n_n::HUGEINT))) AS change_se
  FROM with_se cur
  LEFT JOIN with_se prev
    ON prev.metric = cur.metric AND prev.grain = cur.grain AND prev.dimension = cur.dimension
    AND prev.dimension_value = cur.dimension_value AND prev.period = metric_period_shift(cur.grain, cur.period, -1)
  LEFT JOIN shared sh
    ON sh.metric = cur.metric AND sh.grain = cur.grain AND sh.dimension = cur.dimension
    AND sh.dimension_value = cur.dimension_value AND sh.period = cur.period
),
tested AS (
  SELECT *, change / NULLIF(change_se, 0) AS z, metric_two_sided_p(change / NULLIF(change_se, 0)) AS p_value,
    coalesce(metric_two_sided_p(change / NULLIF(change_se, 0)) IS NOT NULL AND NOT small_n AND NOT previous_small_n, false) AS in_family
  FROM compared
),
-- Benjamini–Hochberg within each family (metric × grain × dimension): rank k by p (ties broken by
-- period and value, which does not change the q-values), q = min over ranks ≥ k of p · m / k, capped at 1
ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY metric, grain, dimension, in_family ORDER BY p_value, period, dimension_value) AS bh_rank,
    sum(in_family::INTEGER) OVER (PARTITION BY metric, grain, dimension) AS family_tests
  FROM tested
),
adjusted AS (
  SELECT *,
    CASE WHEN in_family THEN metric_clamp(min(metric_bh_step(p_value, family_tests, bh_rank)) OVER (
      PARTITION BY metric, grain, dimension, in_family ORDER BY bh_rank DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0.0, 1.0)
    END AS q_value
  FROM ranked
)
SELECT
  metric, grain, period,
  (metric_period_shift(grain, period, 1) - INTERVAL 1 DAY)::DATE AS period_end,
  CASE WHEN grain <> 'all' THEN metric_period_shift(grain, period, 1) <= $as_of::DATE + INTERVAL 1 DAY END AS period_complete,
  dimension, dimension_value, n::INTEGER AS n, n_flagged::INTEGER AS n_flagged, clusters::INTEGER AS clusters,
  value, promoters, passives, detractors, top2box, mean,
  se, se_srs, metric_design_effect(se, se_srs) AS design_effect, metric_margin_95(se) AS moe,
  metric_clamp(value - metric_margin_95(se), scale_min, scale_max) AS ci_low,
  metric_clamp(value + metric_margin_95(se), scale_min, scale_max) AS ci_high,
  small_n,
  previous_period, previous_n::INTEGER AS previous_n,
  CASE WHEN previous_period IS NOT NULL THEN shared_clusters::INTEGER END AS shared_clusters,
  previous_value, change, change_se, z, p_value, q_value,
  CASE WHEN in_family THEN family_tests::INTEGER END AS family_tests,
  coalesce(q_value < $fdr_level, false) AS significant,
  $fdr_level::DOUBLE AS fdr_level
FROM adjusted
ORDER BY metric, grain, period NULLS FIRST, dimension, dimension_value;

-- `ecoute drivers --target nps`: attribute drivers ranked by their share of R² (Shapley when available).
SELECT method, attribute, importance_rank, round(share_pct, 1) AS share_pct, round(share_pct_ci_low, 1) AS share_pct_ci_low,
  round(share_pct_ci_high, 1) AS share_pct_ci_high, significant, round(mean_rating, 2) AS mean_rating, quadrant, status
FROM driver_weights
WHERE method = (SELECT CASE WHEN count(*) FILTER (WHERE method = 'shapley') > 0 THEN 'shapley' ELSE 'relative-weights' END FROM driver_weights)
ORDER BY status <> 'analysed', importance_rank, attribute
LIMIT $limit;

-- Importance (relative-weight share of R², as a fraction) and performance (mean rating) of each
-- analysed rated driver (table driver_weights of the driver phase).
SELECT
  attribute AS driver,
  round(share_pct / 100, 4) AS importance,
  round(share_pct_ci_low / 100, 4) AS importance_ci_low,
  round(share_pct_ci_high / 100, 4) AS importance_ci_high,
  round(mean_rating, 3) AS performance,
  significant
FROM driver_weights
WHERE method = 'relative-weights' AND status = 'analysed' AND share_pct IS NOT NULL AND mean_rating IS NOT NULL
ORDER BY attribute;

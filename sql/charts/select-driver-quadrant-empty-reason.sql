-- Why the key-driver chart has no row (select-driver-quadrant.sql returned none): the run's responses
-- carry no attribute ratings at all, or they do but the key-driver analysis was skipped (too few
-- responses rated every attribute, or none in the driver score's scope: drivers.skipped in run-summary.json).
SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM response_ratings WHERE isfinite(rating))
  THEN 'no attribute ratings in this run'
  ELSE 'attribute ratings too sparse for key drivers (drivers.skipped in run-summary.json says why)'
END AS reason;

-- The call-back effect per outcome (units: temp table callback_effect_units), stratified on segment, ARR band
-- and the triggering NPS: in every stratum holding at least two called and two not-called units, the difference
-- of the mean outcome (called - not called); the strata are weighted by their called units (the effect on those
-- called back), and the standard error is the normal approximation sum(w^2 (var_c / n_c + var_u / n_u)) / sum(w)^2.
-- n_called / n_not_called and the raw means count only the units of those strata; *_all count every unit.
-- Observational: who is called back is not random (the caller says so in words).
WITH strata AS (
  SELECT outcome, segment, arr_band, trigger_nps,
    count(*) FILTER (WHERE called) AS n_c, count(*) FILTER (WHERE NOT called) AS n_u,
    avg(y) FILTER (WHERE called) AS mean_c, avg(y) FILTER (WHERE NOT called) AS mean_u,
    var_samp(y) FILTER (WHERE called) AS var_c, var_samp(y) FILTER (WHERE NOT called) AS var_u,
    sum(y) FILTER (WHERE called) AS sum_c, sum(y) FILTER (WHERE NOT called) AS sum_u
  FROM callback_effect_units
  GROUP BY ALL
),
totals AS (
  SELECT outcome, count(*) FILTER (WHERE called) AS n_called_all, count(*) FILTER (WHERE NOT called) AS n_not_called_all
  FROM callback_effect_units GROUP BY outcome
),
usable AS (
  SELECT outcome,
    count(*) AS strata,
    sum(n_c) AS n_called, sum(n_u) AS n_not_called,
    sum(sum_c) / sum(n_c) AS mean_called, sum(sum_u) / sum(n_u) AS mean_not_called,
    sum(n_c * (mean_c - mean_u)) / sum(n_c) AS difference,
    sqrt(sum(n_c * n_c * (var_c / n_c + var_u / n_u))) / sum(n_c) AS se
  FROM strata
  WHERE n_c >= 2 AND n_u >= 2
  GROUP BY outcome
)
SELECT o.outcome, coalesce(t.n_called_all, 0) AS n_called_all, coalesce(t.n_not_called_all, 0) AS n_not_called_all,
  coalesce(u.strata, 0) AS strata, coalesce(u.n_called, 0) AS n_called, coalesce(u.n_not_called, 0) AS n_not_called,
  u.mean_called, u.mean_not_called, u.difference, u.se
FROM (VALUES ('next_nps'), ('renewal')) o(outcome)
LEFT JOIN totals t USING (outcome)
LEFT JOIN usable u USING (outcome)
ORDER BY o.outcome;

-- Responses analysed by the driver phase: customer surveys (employee answers only feed eNPS)
-- submitted up to the run date (and within the optional analysis window), with an answer of the driver
-- score (parameter metric: the run's headline metric: nps, else csat, else ces), that answer (`score`), its class
-- (`score_class`, the three cells a score is a share of: NPS top = promoter 9–10, middle = passive 7–8,
-- bottom = detractor 0–6; CSAT top = satisfied 4–5, middle = 1–3, no bottom, so 100·(top − bottom)/n is
-- the CSAT share; NULL for CES, a mean), the response's part of the three sums its cell's score is computed
-- from (`part_1`..`part_3`, src/analyze/stats/score-of-sums.ts: a share's class counts, 1 in the response's
-- class column top, middle, bottom; a mean's Σ score, Σ score², n: score, score², 1), the NPS category when NPS was answered, the account's segment
-- and owner, and their resampling cluster: the account, or the response itself when it has no account
-- id (every bootstrap of the phase resamples these).
CREATE OR REPLACE TEMP TABLE drivers_accounts AS
SELECT
  account_id,
  coalesce(nullif(trim(min(segment)), ''), '(unknown)') AS segment,
  coalesce(nullif(trim(min(owner)), ''), '(unknown)') AS owner
FROM accounts
WHERE account_id IS NOT NULL
GROUP BY account_id;

CREATE OR REPLACE TEMP TABLE drivers_responses AS
SELECT
  r.response_id,
  r.contact_id,
  r.account_id,
  r.submitted_at,
  coalesce(nullif(trim(r.journey_stage), ''), '(unknown)') AS journey_stage,
  r.nps,
  CASE WHEN r.nps >= 9 THEN 'promoter' WHEN r.nps >= 7 THEN 'passive' WHEN r.nps IS NOT NULL THEN 'detractor' END AS nps_category,
  CASE $metric WHEN 'nps' THEN r.nps WHEN 'csat' THEN r.csat WHEN 'ces' THEN r.ces END AS score,
  CASE $metric
    WHEN 'nps' THEN CASE WHEN r.nps >= 9 THEN 'top' WHEN r.nps >= 7 THEN 'middle' ELSE 'bottom' END
    WHEN 'csat' THEN CASE WHEN r.csat >= 4 THEN 'top' ELSE 'middle' END
  END AS score_class,
  CASE WHEN $metric = 'ces' THEN r.ces ELSE CASE WHEN score_class = 'top' THEN 1 ELSE 0 END END::DOUBLE AS part_1,
  CASE WHEN $metric = 'ces' THEN r.ces * r.ces ELSE CASE WHEN score_class = 'middle' THEN 1 ELSE 0 END END::DOUBLE AS part_2,
  CASE WHEN $metric = 'ces' THEN 1 ELSE CASE WHEN score_class = 'bottom' THEN 1 ELSE 0 END END::DOUBLE AS part_3,
  coalesce(a.segment, '(unknown)') AS segment,
  coalesce(a.owner, '(unknown)') AS owner,
  r.ratings,
  CASE WHEN r.account_id IS NULL THEN r.response_id ELSE 'account' || chr(31) || r.account_id END AS cluster
FROM responses r
LEFT JOIN drivers_accounts a ON a.account_id = r.account_id
WHERE CASE $metric WHEN 'nps' THEN r.nps WHEN 'csat' THEN r.csat WHEN 'ces' THEN r.ces END IS NOT NULL
  AND NOT coalesce(r.survey_type = 'employee', false)
  AND r.response_id IS NOT NULL
  AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
  AND ($window_days = 0 OR r.submitted_at >= $as_of::DATE + INTERVAL 1 DAY - to_days($window_days::INTEGER));

-- The units of the churn analysis. 'train': each account's latest renewal / churn decision up to
-- the run date whose feedback window lies inside the survey history (on or after $covered_from;
-- otherwise early decisions would look like silent accounts), churned = 1 when its outcome counts
-- as churn. 'score': every CRM account not lost
-- by the run date, whose risk is predicted from its feedback in the window before the run date.
CREATE OR REPLACE TEMP TABLE drivers_churn_units AS
WITH latest AS (
  SELECT account_id, event_date, outcome
  FROM churn_events
  WHERE event_date <= $as_of::DATE AND event_date >= $covered_from::DATE AND account_id IS NOT NULL AND outcome IN ('churned', 'renewed', 'downgraded')
  QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY event_date DESC, outcome) = 1
)
SELECT 'train' AS unit, account_id, event_date AS ref_date,
  (outcome = 'churned' OR ($downgrade_is_churn AND outcome = 'downgraded'))::INTEGER AS churned
FROM latest
UNION ALL
SELECT 'score' AS unit, a.account_id, ($as_of::DATE + 1) AS ref_date, NULL::INTEGER AS churned
FROM drivers_accounts a
WHERE a.account_id NOT IN (
  SELECT account_id FROM churn_events
  WHERE event_date <= $as_of::DATE AND account_id IS NOT NULL AND outcome IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY event_date DESC, outcome) = 1 AND outcome = 'churned'
);

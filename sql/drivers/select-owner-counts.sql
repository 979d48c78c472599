-- Per account owner: responses, NPS categories, 10s, accounts and respondents, and repeat
-- respondents (contacts who answered more than $max_responses times within $repeat_days days).
WITH rolling AS (
  SELECT
    owner,
    contact_id,
    count(*) OVER (
      PARTITION BY contact_id ORDER BY submitted_at
      RANGE BETWEEN to_days($repeat_days::INTEGER) PRECEDING AND CURRENT ROW
    ) AS in_window
  FROM drivers_responses
  WHERE contact_id IS NOT NULL
),
repeats AS (
  SELECT owner, count(DISTINCT contact_id) FILTER (WHERE in_window > $max_responses)::INTEGER AS repeat_respondents,
    max(in_window)::INTEGER AS max_in_window
  FROM rolling
  GROUP BY owner
)
SELECT
  r.owner,
  count(*)::INTEGER AS responses,
  count(*) FILTER (WHERE r.nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE r.nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE r.nps_category = 'detractor')::INTEGER AS detractors,
  count(*) FILTER (WHERE r.nps = 10)::INTEGER AS tens,
  count(DISTINCT r.account_id)::INTEGER AS accounts,
  count(DISTINCT r.contact_id)::INTEGER AS respondents,
  coalesce(any_value(p.repeat_respondents), 0) AS repeat_respondents,
  coalesce(any_value(p.max_in_window), 0) AS max_responses_one_contact
FROM drivers_responses r
LEFT JOIN repeats p ON p.owner = r.owner
GROUP BY r.owner
ORDER BY r.owner;

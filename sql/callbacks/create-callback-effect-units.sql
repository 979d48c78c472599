-- The units of the call-back effect analysis (temp table callback_effect_units): detractor call-back items
-- (NPS 0-6) tracked since $loop_start whose status is decided (not open), one per account and outcome: the
-- account's earliest such item that has the outcome, so units are independent accounts.
--   next_nps  y = the NPS of the next answer of the same contact (of the account when the response has no
--             contact) after the item's response; called = a follow-up before that answer
--   renewal   y = 1 when the account's first renewal decision (churn source) after the response is not a
--             churn (renewed or downgraded), 0 when churned; called = a follow-up on or before its date
-- Strata: segment, ARR band at the response ($arr_bands: band = how many bounds the ARR reaches; -1 unknown)
-- and the NPS of the triggering answer.
CREATE OR REPLACE TEMP TABLE callback_effect_units AS
WITH detractors AS (
  SELECT i.response_id, i.account_id, i.contact_id, i.submitted_at, i.nps, i.called_at,
    coalesce(a.segment, '(unknown)') AS segment,
    CASE WHEN i.arr_at_response IS NULL THEN -1 ELSE len(list_filter($arr_bands::DOUBLE[], b -> b <= i.arr_at_response)) END AS arr_band
  FROM callback_items i
  LEFT JOIN accounts a ON a.account_id = i.account_id
  WHERE i.nps <= 6 AND i.status <> 'open' AND i.submitted_at >= $loop_start::DATE AND i.account_id IS NOT NULL
),
answers AS (
  SELECT response_id, contact_id, account_id, submitted_at, nps FROM responses
  WHERE nps IS NOT NULL AND submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
later_answers AS (
  SELECT d.response_id, n.submitted_at AS answered_at, n.response_id AS answer_id, n.nps AS answer_nps
  FROM detractors d JOIN answers n ON n.contact_id = d.contact_id AND n.submitted_at > d.submitted_at
  UNION ALL
  SELECT d.response_id, n.submitted_at, n.response_id, n.nps
  FROM detractors d JOIN answers n ON d.contact_id IS NULL AND n.account_id = d.account_id AND n.submitted_at > d.submitted_at
),
next_answer AS (
  SELECT d.response_id, d.account_id, d.submitted_at, d.nps, d.called_at, d.segment, d.arr_band,
    min_by(l.answer_nps, (l.answered_at, l.answer_id)) AS y, min(l.answered_at) AS outcome_at
  FROM detractors d JOIN later_answers l USING (response_id)
  GROUP BY ALL
),
renewal AS (
  SELECT d.response_id, d.account_id, d.submitted_at, d.nps, d.called_at, d.segment, d.arr_band,
    CASE WHEN min_by(c.outcome, (c.event_date, c.outcome)) = 'churned' THEN 0.0 ELSE 1.0 END AS y,
    min(c.event_date)::TIMESTAMP + INTERVAL 1 DAY AS outcome_at
  FROM detractors d
  JOIN churn_events c ON c.account_id = d.account_id AND c.event_date > d.submitted_at::DATE AND c.event_date <= $as_of::DATE
  GROUP BY ALL
),
units AS (
  SELECT 'next_nps' AS outcome, * FROM next_answer
  UNION ALL
  SELECT 'renewal' AS outcome, * FROM renewal
)
SELECT outcome, account_id, response_id, segment, arr_band, nps AS trigger_nps,
  coalesce(called_at < outcome_at, false) AS called, y::DOUBLE AS y
FROM units
QUALIFY row_number() OVER (PARTITION BY outcome, account_id ORDER BY submitted_at, response_id) = 1;

-- The demo's call-back items, read back from the exports the generator has written ($dir: the demo folder):
-- well-formed non-employee responses from $start on with an NPS of 0-6, or 7-8 and a negative theme in
-- truth-mentions.csv (the default call-back rule), with the account's owner, the contact's next NPS answer
-- and whether the account's next renewal decision after the response kept it (NULL: none yet).
WITH raw AS (
  SELECT "Response ID" AS response_id, "Contact ID" AS contact_id, "Account ID" AS account_id,
    try_strptime("Submitted", '%d/%m/%Y %H:%M') AS submitted_at, try_cast("NPS" AS INTEGER) AS nps, "Survey Type" AS survey_type
  FROM read_csv($dir || '/responses-*.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
responses AS (
  SELECT r.* FROM raw r JOIN read_csv($dir || '/accounts.csv', header = true, all_varchar = true) a ON a."Account ID" = r.account_id
  WHERE r.response_id IS NOT NULL AND r.submitted_at IS NOT NULL AND r.nps BETWEEN 0 AND 10
  QUALIFY count(*) OVER (PARTITION BY r.response_id) = 1
),
answers AS (
  SELECT *, lead(nps) OVER (PARTITION BY contact_id ORDER BY submitted_at, response_id) AS next_nps FROM responses
),
negative AS (
  SELECT DISTINCT response_id FROM read_csv($dir || '/truth-mentions.csv', header = true, all_varchar = true) WHERE sentiment = 'negative'
),
renewals AS (
  SELECT "Account ID" AS account_id, strptime("Renewal Date", '%Y-%m-%d') AS decided_at, "Outcome" AS outcome
  FROM read_csv($dir || '/churn.csv', header = true, all_varchar = true)
)
SELECT r.response_id, r.account_id, a."Owner" AS owner, epoch_ms(r.submitted_at) AS submitted_ms, r.nps, r.next_nps,
  (SELECT min_by(c.outcome <> 'churned', c.decided_at) FROM renewals c WHERE c.account_id = r.account_id AND c.decided_at > r.submitted_at) AS renewed
FROM answers r
JOIN read_csv($dir || '/accounts.csv', header = true, all_varchar = true) a ON a."Account ID" = r.account_id
WHERE r.survey_type <> 'employee' AND r.submitted_at >= $start::TIMESTAMP
  AND (r.nps <= 6 OR (r.nps BETWEEN 7 AND 8 AND r.response_id IN (SELECT response_id FROM negative)))
ORDER BY r.submitted_at, r.response_id;

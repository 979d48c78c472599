-- ecoute's canonical model. Every source is mapped onto these tables by the ingest phase.
-- _source_file / _line point back at the exact input row (line = physical line in the file for CSV).
CREATE TABLE IF NOT EXISTS accounts (
  account_id VARCHAR,
  name VARCHAR,
  segment VARCHAR,
  region VARCHAR,
  owner VARCHAR,
  tier VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS contacts (
  contact_id VARCHAR,
  account_id VARCHAR,
  role VARCHAR,
  language VARCHAR,
  name VARCHAR,                   -- restricted: name, email and phone reach only restricted/callback-contacts.csv
  email VARCHAR,                  -- as read (trimmed); an invalid address is kept and listed in field_problems
  phone VARCHAR,                  -- E.164 (+33639981234) when it normalises, else as read and listed in field_problems
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS responses (
  response_id VARCHAR,
  contact_id VARCHAR,
  account_id VARCHAR,
  submitted_at TIMESTAMP NOT NULL,
  channel VARCHAR,
  survey_type VARCHAR,            -- relational | transactional | employee
  journey_stage VARCHAR,
  touchpoint VARCHAR,
  nps INTEGER,                    -- 0..10
  csat INTEGER,                   -- 1..5
  ces INTEGER,                    -- 1..7
  verbatim VARCHAR,
  language VARCHAR,
  duration_seconds DOUBLE,
  verbatim_truncated BOOLEAN,
  consent BOOLEAN,                -- testimonial consent (NULL: not recorded)
  ratings DOUBLE[],               -- attribute ratings, ratings[k] for the attribute at position k of rating_attributes
  quality_flags VARCHAR[],        -- careless-answer flags kept on the response: speeder, straight_liner (settings.quality)
  _source_file VARCHAR,
  _line BIGINT
);
-- The attributes of responses.ratings, in the order the pipeline maps them.
CREATE TABLE IF NOT EXISTS rating_attributes (
  position INTEGER,
  attribute VARCHAR
);
-- One row per response and rated attribute (the long form most analyses want), read from responses.ratings:
-- a view, so ingest writes the ratings once, in the responses it already writes.
CREATE OR REPLACE VIEW response_ratings AS
SELECT r.response_id, a.attribute, r.rating
FROM (
  SELECT response_id, unnest(ratings) AS rating, generate_subscripts(ratings, 1) AS position
  FROM responses
  WHERE len(ratings) > 0
) r
JOIN rating_attributes a USING (position)
WHERE r.rating IS NOT NULL;
CREATE TABLE IF NOT EXISTS revenue (
  account_id VARCHAR,
  period DATE,
  arr DOUBLE,
  currency VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS churn_events (
  account_id VARCHAR,
  event_date DATE,
  outcome VARCHAR,                -- churned | renewed | downgraded
  reason VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS invitations (
  invitation_id VARCHAR,
  contact_id VARCHAR,
  account_id VARCHAR,
  invited_at TIMESTAMP,
  survey_type VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
-- Competitive benchmark panel answers (a blind or panel survey about our brand and its competitors):
-- respondents have no account, so each answer is its own cluster.
CREATE TABLE IF NOT EXISTS benchmark (
  response_id VARCHAR,
  responded_at TIMESTAMP,
  brand VARCHAR,
  role VARCHAR,                   -- own | competitor
  nps INTEGER,                    -- 0..10
  segment VARCHAR,
  verbatim VARCHAR,
  ratings DOUBLE[],               -- ratings[k] for the attribute at position k of benchmark_attributes
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS benchmark_attributes (
  position INTEGER,
  attribute VARCHAR
);
-- Published reference figures: no respondent-level data, shown as reference points and never tested.
CREATE TABLE IF NOT EXISTS reference_scores (
  brand VARCHAR,
  period VARCHAR,
  nps DOUBLE,
  n BIGINT,
  source VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
-- Call-back follow-ups: one row per call made. contact_id and account_id are the followed-up response's
-- when response_id is given (account_id alone closes every earlier call-back of the account).
CREATE TABLE IF NOT EXISTS followups (
  response_id VARCHAR,
  contact_id VARCHAR,
  account_id VARCHAR,
  called_at TIMESTAMP,            -- UTC
  outcome VARCHAR,                -- reached | voicemail | no_answer | declined
  notes VARCHAR,                  -- free text: may hold PII; leaves DuckDB only redacted
  called_by VARCHAR,
  _source_file VARCHAR,
  _line BIGINT
);
CREATE TABLE IF NOT EXISTS quarantine (
  source VARCHAR,                 -- responses, accounts...
  source_file VARCHAR,
  line BIGINT,
  field VARCHAR,                  -- canonical field at fault (nps, submitted_at, ratings.ease...)
  reason_code VARCHAR,            -- see src/validate/reason-codes.ts
  value VARCHAR,                  -- the offending value as read
  other_problems VARCHAR[],       -- further problems of the same row (code:field)
  raw VARCHAR                     -- the input row as JSON (or the raw CSV text for unparseable rows)
);
-- Fields of accepted rows that were set missing (an attribute rating not a number, off the scale or "not
-- rated") or flagged (a contact's email or phone that does not check out: kept as read, its value not
-- copied here since contact details are restricted): the row itself is in its canonical table, so these
-- are not counted in the reconciliation.
CREATE TABLE IF NOT EXISTS field_problems (
  source VARCHAR,
  source_file VARCHAR,
  line BIGINT,
  row_id VARCHAR,                 -- the row's id (response_id for responses)
  field VARCHAR,                  -- e.g. ratings.ease
  reason_code VARCHAR,            -- not_a_number | out_of_range | not_rated | invalid_email | invalid_phone
  value VARCHAR                   -- the value as read (NULL for restricted contact details)
);
CREATE TABLE IF NOT EXISTS reconciliation (
  source VARCHAR,
  files INTEGER,
  rows_read BIGINT,
  rows_accepted BIGINT,
  rows_quarantined BIGINT,
  rows_erased BIGINT              -- rows of people on the erasure list, dropped at ingest (read = accepted + quarantined + erased)
);

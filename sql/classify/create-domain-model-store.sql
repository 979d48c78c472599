-- The embedded sentiment engine's domain model, kept across nightly runs so that the cache key
-- (which includes its fingerprint) stays stable until enough new scored verbatims justify retraining.
CREATE TABLE IF NOT EXISTS classify_domain_model (
  fingerprint VARCHAR NOT NULL,
  lexicon_version VARCHAR NOT NULL,
  trained_on INTEGER NOT NULL,
  trained_run VARCHAR NOT NULL,        -- run date of the training, YYYY-MM-DD
  model VARCHAR NOT NULL               -- the DomainModel as JSON
);

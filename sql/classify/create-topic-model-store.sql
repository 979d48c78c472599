-- The embedded topic model, kept across nightly runs so that the topic engine's revision (part of the
-- classification cache key) stays stable until the verbatims have grown enough to justify retraining,
-- or the taxonomy changed. One row per taxonomy key; weights are the little-endian float32 array.
CREATE TABLE IF NOT EXISTS classify_topic_model (
  taxonomy_key VARCHAR NOT NULL,       -- topic model version + taxonomy
  fingerprint VARCHAR NOT NULL,
  trained_on INTEGER NOT NULL,         -- distinct verbatims trained on
  trained_run VARCHAR NOT NULL,        -- run date of the training, YYYY-MM-DD
  meta VARCHAR NOT NULL,               -- theme ids, classes, dim, bias, calibration, stats as JSON
  weights BLOB NOT NULL
);

-- What verbatim_sentiment and theme_mentions currently reflect, kept across runs so that a
-- nightly run that only adds responses appends to them instead of rebuilding them.
CREATE TABLE IF NOT EXISTS classify_output_state (
  response_id VARCHAR NOT NULL,
  text_hash VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS classify_output_meta (
  engine VARCHAR, model VARCHAR, revision VARCHAR, taxonomy_version VARCHAR,
  sentiment_engine VARCHAR, sentiment_model VARCHAR, sentiment_revision VARCHAR,
  topic_engine VARCHAR, topic_model VARCHAR
);

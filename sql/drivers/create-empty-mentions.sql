-- Stand-in when the verbatim engine did not run: no theme mentions (theme analyses report it).
CREATE TEMP TABLE IF NOT EXISTS theme_mentions (
  response_id VARCHAR,
  theme_id VARCHAR,
  sentiment_label VARCHAR
);

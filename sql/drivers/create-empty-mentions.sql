-- Stand-in when the verbatim engine did not run: no theme mentions (theme analyses report it).
-- Same columns as build-theme-mentions.sql, so every reader of theme_mentions binds.
CREATE TEMP TABLE IF NOT EXISTS theme_mentions (
  response_id VARCHAR,
  theme_id VARCHAR,
  clause_text VARCHAR,
  clause_start INTEGER,
  clause_end INTEGER,
  match_score DOUBLE,
  match_source VARCHAR,
  match_evidence VARCHAR,
  sentiment_label VARCHAR,
  polarity DOUBLE,
  engine VARCHAR,
  model VARCHAR
);

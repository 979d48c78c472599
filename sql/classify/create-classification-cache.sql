-- One row per distinct verbatim text and engine configuration: a nightly rerun only classifies
-- texts whose (md5, engine, model, revision, taxonomy_version) is not here yet.
CREATE TABLE IF NOT EXISTS classification_cache (
  text_hash VARCHAR NOT NULL,          -- md5 of the verbatim, computed in DuckDB
  engine VARCHAR NOT NULL,             -- embedded | transformer | sentiment/topics pair
  model VARCHAR NOT NULL,
  revision VARCHAR NOT NULL,           -- model revision (and domain model fingerprint)
  taxonomy_version VARCHAR NOT NULL,   -- '' when no taxonomy was used
  language VARCHAR,
  sentiment_label VARCHAR,
  polarity DOUBLE,
  confidence DOUBLE,
  mentions VARCHAR                     -- JSON array of theme mentions, see serialize-mentions.ts
);

-- One row per distinct verbatim text and engine configuration: a nightly rerun only classifies
-- texts whose (md5, engine, model, revision, taxonomy_version) is not here yet.
-- New results arrive as JSON in classification_staging and are parsed once, on insert, into the
-- typed mentions and clauses lists, so rebuilding theme_mentions never re-parses JSON.
-- `clauses` is filled instead of `mentions` by the embedded engine of a pipeline run, whose topic model is
-- retrained every run (src/classify/embedded/featurize-verbatims.ts): per clause with a word, its key
-- (language + folded words), topic features (hashed feature indices, seed matches by theme index in
-- the taxonomy the revision hashes) and, when it may get a theme, its sentiment.
CREATE TABLE IF NOT EXISTS classification_cache (
  text_hash VARCHAR NOT NULL,          -- md5 of the verbatim, computed in DuckDB
  engine VARCHAR NOT NULL,             -- embedded | transformer | sentiment+topics pair
  model VARCHAR NOT NULL,
  revision VARCHAR NOT NULL,           -- model revision (and domain model fingerprint)
  taxonomy_version VARCHAR NOT NULL,   -- '' when no taxonomy was used
  language VARCHAR,
  sentiment_label VARCHAR,
  polarity DOUBLE,
  confidence DOUBLE,
  mentions STRUCT(theme_id VARCHAR, clause_text VARCHAR, clause_start INTEGER, clause_end INTEGER,
                  match_score DOUBLE, match_source VARCHAR, match_evidence VARCHAR,
                  sentiment_label VARCHAR, polarity DOUBLE)[],  -- match_source: keyword | label | example | model | embedding
  clauses STRUCT(clause_text VARCHAR, clause_start INTEGER, clause_end INTEGER, clause_key VARCHAR, content_words INTEGER,
            features UINTEGER[], seeds STRUCT(theme INTEGER, score DOUBLE, source VARCHAR, evidence VARCHAR)[],
            sentiment_label VARCHAR, polarity DOUBLE)[]
);
-- caches written before clauses were kept
ALTER TABLE classification_cache ADD COLUMN IF NOT EXISTS clauses STRUCT(clause_text VARCHAR, clause_start INTEGER, clause_end INTEGER, clause_key VARCHAR, content_words INTEGER, features UINTEGER[], seeds STRUCT(theme INTEGER, score DOUBLE, source VARCHAR, evidence VARCHAR)[], sentiment_label VARCHAR, polarity DOUBLE)[];
CREATE TEMP TABLE IF NOT EXISTS classification_staging (
  text_hash VARCHAR, engine VARCHAR, model VARCHAR, revision VARCHAR, taxonomy_version VARCHAR,
  language VARCHAR, sentiment_label VARCHAR, polarity DOUBLE, confidence DOUBLE,
  mentions VARCHAR,                    -- JSON array, see src/classify/pipeline/serialize-mentions.ts
  clauses VARCHAR                      -- JSON array or NULL, see src/classify/pipeline/serialize-clauses.ts
);

-- The themes the run's topic model gives each distinct clause (by clause key), filled from JS by
-- src/classify/pipeline/run-topic-model-phase.ts; theme_mentions joins it with every response's clauses.
CREATE OR REPLACE TEMP TABLE topic_clause_themes (
  clause_key VARCHAR NOT NULL,
  theme_id VARCHAR NOT NULL,
  match_score DOUBLE NOT NULL,
  match_source VARCHAR NOT NULL,
  match_evidence VARCHAR NOT NULL
);
-- the stored topic model of earlier versions (reused until 25 % growth): the model is now retrained every run
DROP TABLE IF EXISTS classify_topic_model;

-- The run's self-trained sentiment of each distinct clause (src/classify/pipeline/self-train-clause-sentiment.ts),
-- which build-clause-theme-mentions.sql puts on theme_mentions in place of the lexicon's; empty when the run
-- keeps the lexicon's mention sentiment.
CREATE OR REPLACE TEMP TABLE clause_sentiment (
  clause_key VARCHAR NOT NULL,
  clause_text VARCHAR NOT NULL,
  sentiment_label VARCHAR NOT NULL,
  polarity DOUBLE NOT NULL
);

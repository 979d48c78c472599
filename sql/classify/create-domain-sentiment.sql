-- Sentiment of each response from the cross-fitted domain model of its fold (filled by
-- src/classify/pipeline/cross-fit-phase.ts; empty when domain adaptation is off or skipped).
CREATE OR REPLACE TEMP TABLE domain_sentiment (
  response_id VARCHAR NOT NULL,
  fold INTEGER NOT NULL,
  sentiment_label VARCHAR NOT NULL,
  polarity DOUBLE NOT NULL,
  confidence DOUBLE NOT NULL
);

-- What the domain model needs of each distinct verbatim text, computed once per text and lexicon
-- version (src/classify/pipeline/sentiment-features-store.ts): the 32-bit hashes of its folded word
-- unigrams and bigrams (little-endian UINTEGERs in a BLOB) and the lexicon's sums. Depends on the text
-- alone, so a nightly run only computes it for new texts; the cross-fitted models are retrained on it.
CREATE TABLE IF NOT EXISTS sentiment_features (
  text_hash VARCHAR NOT NULL,
  lexicon_version VARCHAR NOT NULL,
  hashes BLOB NOT NULL,
  polarity DOUBLE NOT NULL,
  positive DOUBLE NOT NULL,
  negative DOUBLE NOT NULL,
  hits INTEGER NOT NULL
);

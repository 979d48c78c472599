-- The distinct clauses of the run's verbatims that carry a sentiment (classification_cache.clauses under the
-- run's cache key: the clauses that may mention a theme), by clause key and text, with the lexicon's polarity:
-- what mention sentiment self-trains on (src/classify/pipeline/self-train-clause-sentiment.ts). The lexicon
-- reads a clause's text in the language its key starts with, so key and text determine the polarity.
-- Sorted, so the overlay is appended in one order every run.
WITH texts AS (
  SELECT DISTINCT text_hash FROM response_text_hashes
), clauses AS (
  SELECT unnest(c.clauses) AS k
  FROM texts t
  JOIN cached_clauses($engine, $model, $revision, $taxonomy_version) c ON c.text_hash = t.text_hash
)
SELECT k.clause_key AS clause_key, k.clause_text AS clause_text, any_value(k.polarity) AS polarity
FROM clauses
WHERE k.sentiment_label IS NOT NULL
GROUP BY ALL
ORDER BY clause_key, clause_text;

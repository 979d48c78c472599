-- The distinct clauses (by clause key: language + folded words) of the run's verbatims, with how often each
-- was written and its cached topic features (classification_cache.clauses under the run's cache key): what
-- the run's topic model is trained on and applied to. A stock phrase written a thousand times weighs as such.
-- The order does not matter: training sorts by key (src/classify/embedded/train-topic-model.ts).
WITH texts AS (
  SELECT text_hash, count(*) AS n FROM response_text_hashes GROUP BY text_hash
), clauses AS (
  SELECT t.n, unnest(c.clauses) AS k
  FROM texts t
  JOIN cached_clauses($engine, $model, $revision, $taxonomy_version) c ON c.text_hash = t.text_hash
)
SELECT k.clause_key AS clause_key,
       sum(n) AS n,
       any_value(k.content_words) AS content_words,
       any_value(k.features) AS features,
       any_value(k.seeds) AS seeds
FROM clauses
GROUP BY k.clause_key;

-- The distinct clauses of the theme mentions `ecoute classify` found (classification_cache.mentions under the
-- command's cache key), by the language of their verbatim (as clause_key) and their text: what the command's
-- mention sentiment self-trains on (src/classify/pipeline/self-train-clause-sentiment.ts; the lexicon scores
-- each clause again there). A clause that mentions two themes counts once. Sorted: one order every time.
WITH m AS (
  SELECT coalesce(language, 'other') AS language, unnest(mentions) AS m
  FROM classification_cache
  WHERE engine = $engine AND model = $model AND revision = $revision AND taxonomy_version = $taxonomy_version
)
SELECT language AS clause_key, m.clause_text AS clause_text, any_value(m.polarity) AS polarity
FROM m
GROUP BY ALL
ORDER BY clause_key, clause_text;

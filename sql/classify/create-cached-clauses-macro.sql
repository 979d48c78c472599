-- cached_clauses(engine, model, revision, taxonomy version): the clause lists (text-only topic features) of
-- classification_cache under one cache key, per text hash; texts without clauses left out. What the per-run
-- topic model is trained on (select-topic-training-clauses.sql) and applied to (build-clause-theme-mentions.sql).
CREATE OR REPLACE TEMP MACRO cached_clauses(k_engine, k_model, k_revision, k_taxonomy_version) AS TABLE
SELECT text_hash, clauses
FROM classification_cache
WHERE engine = k_engine AND model = k_model AND revision = k_revision AND taxonomy_version = k_taxonomy_version
  AND len(clauses) > 0;

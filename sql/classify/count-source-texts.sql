SELECT (SELECT count(*) FROM classify_hashes) AS distinct_texts, (SELECT count(*) FROM classify_todo) AS uncached_texts;

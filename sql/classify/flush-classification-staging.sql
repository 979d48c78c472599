INSERT INTO classification_cache
SELECT text_hash, engine, model, revision, taxonomy_version, language, sentiment_label, polarity, confidence,
       from_json(mentions, '[{"theme_id":"VARCHAR","clause_text":"VARCHAR","clause_start":"INTEGER","clause_end":"INTEGER","match_score":"DOUBLE","match_source":"VARCHAR","match_evidence":"VARCHAR","sentiment_label":"VARCHAR","polarity":"DOUBLE"}]'),
       from_json(clauses, '[{"clause_text":"VARCHAR","clause_start":"INTEGER","clause_end":"INTEGER","clause_key":"VARCHAR","content_words":"INTEGER","features":["UINTEGER"],"seeds":[{"theme":"INTEGER","score":"DOUBLE","source":"VARCHAR","evidence":"VARCHAR"}],"sentiment_label":"VARCHAR","polarity":"DOUBLE"}]')
FROM classification_staging;
DELETE FROM classification_staging;

-- The stored candidates, ranked (priority, then size). A table written before names and priorities has
-- NULL there (see create-theme-candidates.sql): the reader derives what it can.
SELECT candidate_id, to_json(top_terms)::VARCHAR AS top_terms, to_json(surface_terms)::VARCHAR AS surface_terms,
       centroid, size, cohesion, language, representatives,
       strftime(first_seen, '%Y-%m-%d') AS first_seen, strftime(last_seen, '%Y-%m-%d') AS last_seen, runs,
       name, to_json(phrases)::VARCHAR AS phrases, negative_share, priority
FROM theme_candidates
ORDER BY priority DESC NULLS LAST, size DESC, candidate_id;

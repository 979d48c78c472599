-- The stored candidates of a database written before names and priorities (no name, phrases,
-- negative_share, priority columns), read without changing it: the reader derives a name from the terms.
SELECT candidate_id, to_json(top_terms)::VARCHAR AS top_terms, to_json(surface_terms)::VARCHAR AS surface_terms,
       centroid, size, cohesion, language, representatives,
       strftime(first_seen, '%Y-%m-%d') AS first_seen, strftime(last_seen, '%Y-%m-%d') AS last_seen, runs,
       NULL::VARCHAR AS name, NULL::VARCHAR AS phrases, NULL::DOUBLE AS negative_share, NULL::DOUBLE AS priority
FROM theme_candidates
ORDER BY size DESC, candidate_id;

SELECT candidate_id, to_json(top_terms)::VARCHAR AS top_terms, to_json(surface_terms)::VARCHAR AS surface_terms,
       centroid, size, cohesion, language, representatives,
       strftime(first_seen, '%Y-%m-%d') AS first_seen, strftime(last_seen, '%Y-%m-%d') AS last_seen, runs
FROM theme_candidates
ORDER BY candidate_id;

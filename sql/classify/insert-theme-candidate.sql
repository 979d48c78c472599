INSERT INTO theme_candidates (
  candidate_id, top_terms, surface_terms, centroid, size, cohesion, language, representatives,
  first_seen, last_seen, runs, name, phrases, negative_share, priority
) VALUES (
  $candidate_id,
  from_json($top_terms, '["VARCHAR"]'),
  from_json($surface_terms, '["VARCHAR"]'),
  $centroid,
  $size,
  $cohesion,
  $language,
  $representatives,
  $first_seen::DATE,
  $last_seen::DATE,
  $runs,
  $name,
  from_json($phrases, '["VARCHAR"]'),
  $negative_share,
  $priority
);

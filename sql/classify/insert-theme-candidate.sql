INSERT INTO theme_candidates VALUES (
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
  $runs
);

DELETE FROM theme_candidates;

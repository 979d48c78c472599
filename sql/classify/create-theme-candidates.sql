-- Candidate themes discovered among clauses that match no theme, recomputed from each night's data:
-- ids from the top terms; first_seen / last_seen are the days of the earliest and latest clause.
CREATE TABLE IF NOT EXISTS theme_candidates (
  candidate_id VARCHAR PRIMARY KEY,
  top_terms VARCHAR[],        -- stems, heaviest first
  surface_terms VARCHAR[],    -- most frequent word of each stem
  centroid VARCHAR,           -- JSON {stem: weight}, for matching across runs
  size INTEGER,               -- clauses in the cluster at its last sighting
  cohesion DOUBLE,
  language VARCHAR,
  representatives VARCHAR,    -- JSON [{verbatim, clause}], PII-redacted
  first_seen DATE,
  last_seen DATE,
  runs INTEGER                -- distinct months its clauses span
);

-- Candidate themes discovered among clauses that match no theme; kept across nightly runs
-- (same database file): ids are assigned once, first_seen / last_seen are run dates.
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
  runs INTEGER
);

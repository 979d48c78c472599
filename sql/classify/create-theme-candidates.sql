-- Candidate themes discovered among clauses that match no theme, recomputed from each night's data:
-- ids from the top terms; first_seen / last_seen are the days of the earliest and latest clause.
-- Rows are written ranked: priority (size × negative share) first.
CREATE TABLE IF NOT EXISTS theme_candidates (
  candidate_id VARCHAR PRIMARY KEY,
  top_terms VARCHAR[],        -- stems, heaviest first
  surface_terms VARCHAR[],    -- most frequent word of each stem
  centroid VARCHAR,           -- JSON {stem: weight}, for matching across runs
  size INTEGER,               -- clauses in the cluster at its last sighting
  cohesion DOUBLE,
  language VARCHAR,
  representatives VARCHAR,    -- JSON [{verbatim, clause}], PII-redacted, the 5 closest to the centroid
  first_seen DATE,
  last_seen DATE,
  runs INTEGER,               -- distinct months its clauses span
  name VARCHAR,               -- its most distinctive phrase (else its two heaviest surface terms)
  phrases VARCHAR[],          -- its most distinctive 2-3 word phrases, best first
  negative_share DOUBLE,      -- share of its clauses the lexicon reads as negative
  priority DOUBLE             -- size × negative_share
);
-- a database written before names and priorities: the same columns, at the same place (the end)
ALTER TABLE theme_candidates ADD COLUMN IF NOT EXISTS name VARCHAR;
ALTER TABLE theme_candidates ADD COLUMN IF NOT EXISTS phrases VARCHAR[];
ALTER TABLE theme_candidates ADD COLUMN IF NOT EXISTS negative_share DOUBLE;
ALTER TABLE theme_candidates ADD COLUMN IF NOT EXISTS priority DOUBLE;

-- Each run reloads the canonical tables from the sources (caches such as classification_cache are kept).
-- The view response_ratings (a table in databases of earlier versions) is dropped by load-sources.ts.
DROP TABLE IF EXISTS accounts;
DROP TABLE IF EXISTS contacts;
DROP TABLE IF EXISTS responses;
DROP TABLE IF EXISTS rating_attributes;
DROP TABLE IF EXISTS revenue;
DROP TABLE IF EXISTS churn_events;
DROP TABLE IF EXISTS invitations;
DROP TABLE IF EXISTS benchmark;
DROP TABLE IF EXISTS benchmark_attributes;
DROP TABLE IF EXISTS reference_scores;
DROP TABLE IF EXISTS followups;
DROP TABLE IF EXISTS quarantine;
DROP TABLE IF EXISTS field_problems;
DROP TABLE IF EXISTS reconciliation;

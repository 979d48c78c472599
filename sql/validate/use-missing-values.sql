-- Before a source's checks: its missing_values (texts such as NA, N/A, - that mean "no value", compared after
-- trimming) become NULL wherever ecoute_text reads a field. A source without any (only blank cells are
-- missing) keeps the plain ecoute_trimmed of create-staging-tables.sql, which costs nothing more per value.
SET VARIABLE ecoute_missing_values = $missing_values;
CREATE OR REPLACE TEMP MACRO ecoute_text(value) AS
  CASE WHEN len(getvariable('ecoute_missing_values')) = 0 THEN ecoute_trimmed(value)
       WHEN list_contains(getvariable('ecoute_missing_values'), ecoute_trimmed(value)) THEN NULL
       ELSE ecoute_trimmed(value) END;

-- How many verbatims the explorer holds and the values of its filters: every verbatim's dimensions
-- (create-explorer-verbatims-macro.sql), sorted. The dashboard's page of a served run and `ecoute serve` read it.
-- The verbatims are first grouped by their combination of dimensions (a hash aggregate, which spills under
-- memory_limit), and the lists are built from those few combinations: list() over every verbatim cannot spill
-- and ran out of memory at 2,000,000 responses under memory_limit 512MB.
WITH combos AS (
  SELECT segment, region, owner, journey_stage, touchpoint, survey_type, language, count(*) AS n
  FROM explorer_verbatims($as_of)
  GROUP BY ALL
)
SELECT coalesce(sum(n), 0)::BIGINT AS n,
  list_sort(list_distinct(list(segment))) AS segment, list_sort(list_distinct(list(region))) AS region,
  list_sort(list_distinct(list(owner))) AS owner, list_sort(list_distinct(list(journey_stage))) AS journey_stage,
  list_sort(list_distinct(list(touchpoint))) AS touchpoint, list_sort(list_distinct(list(survey_type))) AS survey_type,
  list_sort(list_distinct(list(language))) AS language
FROM combos;

-- How many verbatims the explorer holds and the values of its filters: every verbatim's dimensions
-- (create-explorer-verbatims-macro.sql), sorted. The dashboard's page of a served run and `ecoute serve` read it.
SELECT count(*) AS n,
  list_sort(list_distinct(list(segment))) AS segment, list_sort(list_distinct(list(region))) AS region,
  list_sort(list_distinct(list(owner))) AS owner, list_sort(list_distinct(list(journey_stage))) AS journey_stage,
  list_sort(list_distinct(list(touchpoint))) AS touchpoint, list_sort(list_distinct(list(survey_type))) AS survey_type,
  list_sort(list_distinct(list(language))) AS language
FROM explorer_verbatims($as_of);

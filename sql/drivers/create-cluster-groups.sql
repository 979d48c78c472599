-- The resampling units of the driver bootstraps: one per cluster of drivers_responses (an account,
-- or a response without an account id). Up to $groups clusters each is its own group (numbered in
-- cluster order, an exact cluster bootstrap); beyond, clusters are hashed with $seed into $groups
-- random groups of whole clusters, which are resampled instead (each group is an iid sample of
-- clusters, so the variance is preserved). Each analysed response then carries its group g, so the
-- count and rating queries need no further join.
CREATE OR REPLACE TEMP TABLE drivers_cluster_groups AS
WITH c AS (SELECT DISTINCT cluster FROM drivers_responses),
k AS (SELECT count(*) AS clusters FROM c)
SELECT
  c.cluster,
  CASE WHEN k.clusters <= $groups
    THEN (dense_rank() OVER (ORDER BY c.cluster) - 1)::BIGINT
    ELSE (hash(c.cluster, $seed::UBIGINT) % $groups::UBIGINT)::BIGINT
  END AS g
FROM c, k;

CREATE OR REPLACE TEMP TABLE drivers_responses AS
SELECT r.*, g.g
FROM drivers_responses r
JOIN drivers_cluster_groups g USING (cluster);

-- Each analysed response in every theme-impact cell it counts in (overall, its segment, its journey stage),
-- with its group, score class and part of its cell's three sums (create-scope-responses.sql): the one definition of those cells for
-- select-score-cluster-totals and select-theme-score-cluster-counts.
CREATE OR REPLACE TEMP VIEW drivers_response_cells AS
SELECT response_id, g, score_class, part_1, part_2, part_3, cell.dimension AS dimension, cell.value AS dimension_value
FROM (
  SELECT response_id, g, score_class, part_1, part_2, part_3,
    unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': segment},
      {'dimension': 'journey_stage', 'value': journey_stage}]) AS cell
  FROM drivers_responses
);

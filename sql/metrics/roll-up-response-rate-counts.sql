-- Day × segment counts (response_rate_day_counts, from either counting rule) rolled up per grain and period,
-- overall and per segment. Only cells with invitations are kept.
CREATE OR REPLACE TEMP TABLE response_rate_counts AS
SELECT grain, period, d.dimension AS dimension, d.value AS dimension_value,
  sum(invitations)::BIGINT AS invitations, sum(responses)::BIGINT AS responses
FROM (
  SELECT g.grain, metric_period_start(g.grain, dc.day) AS period, dc.invitations, dc.responses,
    unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': dc.segment}]) AS d
  FROM response_rate_day_counts dc CROSS JOIN (SELECT unnest($grains::VARCHAR[]) AS grain) g
)
GROUP BY ALL
HAVING sum(invitations) > 0;

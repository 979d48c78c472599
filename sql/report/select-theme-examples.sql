-- Example verbatims per theme, $per_theme per theme, chosen to illustrate it: negative mentions (up to $as_of)
-- where the theme is the clause's only or dominant theme (strictly the highest match score of the clause),
-- one per distinct clause text, the most typical first (highest match score: seed evidence and the topic
-- model's probability), then from the highest-ARR accounts (latest ARR up to $as_of). The clause's offsets
-- let the caller highlight it inside the verbatim. Redacted by the caller before any output.
WITH ranked AS (
  SELECT m.*,
    row_number() OVER (PARTITION BY m.response_id, m.clause_start ORDER BY m.match_score DESC, m.theme_id) AS clause_rank,
    lead(m.match_score) OVER (PARTITION BY m.response_id, m.clause_start ORDER BY m.match_score DESC, m.theme_id) AS runner_up
  FROM theme_mentions m
),
dominant AS (
  SELECT theme_id, response_id, clause_text, clause_start, clause_end, match_score, match_source, polarity
  FROM ranked
  WHERE clause_rank = 1 AND (runner_up IS NULL OR runner_up < match_score) AND sentiment_label = 'negative'
),
latest_arr AS (
  SELECT account_id, arg_max(arr, period) AS arr FROM revenue WHERE period <= $as_of::DATE GROUP BY account_id
),
candidates AS (
  SELECT d.theme_id, r.response_id, r.verbatim, r.nps, r.csat, r.ces, r.submitted_at, d.clause_start, d.clause_end, d.match_score, d.match_source, d.polarity,
    coalesce(a.segment, '(unknown)') AS segment, coalesce(l.arr, 0) AS arr, lower(d.clause_text) AS clause_key
  FROM dominant d
  JOIN responses r ON r.response_id = d.response_id
  LEFT JOIN accounts a ON a.account_id = r.account_id
  LEFT JOIN latest_arr l ON l.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY AND r.verbatim IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY d.theme_id, clause_key ORDER BY arr DESC, r.response_id) = 1
)
SELECT theme_id, response_id, verbatim, nps, csat, ces, strftime(submitted_at, '%Y-%m-%d') AS submitted, segment,
  round(polarity, 3) AS polarity, clause_start, clause_end, match_source, arr
FROM candidates
QUALIFY row_number() OVER (PARTITION BY theme_id ORDER BY match_score DESC, arr DESC, polarity, response_id) <= $per_theme
ORDER BY theme_id, match_score DESC, arr DESC, polarity, response_id;

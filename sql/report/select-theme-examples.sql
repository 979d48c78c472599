-- Candidate quotes per theme, the $pool most typical of each, for src/report/executive/theme-quotes.ts to pick
-- from (it skips near-repeats of a quote already picked). Chosen to illustrate the theme: negative mentions (up to
-- $as_of) where the theme is the clause's only or dominant theme (its match score leads the clause's next theme by
-- 0.05 or more: "la stabilité n'est pas au niveau du prix", 0.96 for pricing and 0.9599 for reliability, is neither's),
-- one per distinct clause (by its set of words: "l'outil" and "l’outil", "Lent." and "lent" are one; its
-- highest-ARR response), from the theme's higher-ARR half of those (latest ARR up to $as_of at or above their
-- median: all of them when no ARR is known), the most typical first: the clause closest to the theme's centroid. A clause is the set
-- of its words (runs of two or more letters or digits, lower case), each weighing its inverse document frequency
-- among all the clauses of theme_mentions, so words every clause says weigh next to nothing; the theme's centroid
-- is the mean of its other candidate clauses (leave one out); typicality is the cosine of a clause with it (the
-- centroid's length is left out: nearly the same for all of a theme's clauses). Ties: higher ARR, then stronger polarity, then response id.
-- `words` is the clause's word set, `typicality_rank` its rank in the theme (1 = most typical).
-- The clause's offsets let the caller highlight it inside the verbatim. Redacted by the caller before any output.
WITH ranked AS (
  SELECT m.*,
    row_number() OVER (PARTITION BY m.response_id, m.clause_start ORDER BY m.match_score DESC, m.theme_id) AS clause_rank,
    lead(m.match_score) OVER (PARTITION BY m.response_id, m.clause_start ORDER BY m.match_score DESC, m.theme_id) AS runner_up
  FROM theme_mentions m
),
dominant AS (
  SELECT theme_id, response_id, clause_text, clause_start, clause_end, match_score, match_source, polarity
  FROM ranked
  WHERE clause_rank = 1 AND (runner_up IS NULL OR runner_up <= match_score - 0.05) AND sentiment_label = 'negative'
),
-- each distinct clause of theme_mentions (lower case) and its set of words: runs of two or more letters or digits
clause_words AS (
  SELECT clause_key, list_sort(list_distinct(regexp_extract_all(clause_key, '[\p{L}\p{N}]{2,}'))) AS words
  FROM (SELECT DISTINCT lower(clause_text) AS clause_key FROM theme_mentions)
),
latest_arr AS (
  SELECT account_id, arg_max(arr, period) AS arr FROM revenue WHERE period <= $as_of::DATE GROUP BY account_id
),
candidates AS (
  SELECT d.theme_id, r.response_id, r.verbatim, r.nps, r.csat, r.ces, r.submitted_at, d.clause_text, d.clause_start, d.clause_end, d.match_score, d.match_source, d.polarity,
    coalesce(a.segment, '(unknown)') AS segment, coalesce(l.arr, 0) AS arr, w.clause_key, w.words
  FROM dominant d
  JOIN clause_words w ON w.clause_key = lower(d.clause_text)
  JOIN responses r ON r.response_id = d.response_id
  LEFT JOIN accounts a ON a.account_id = r.account_id
  LEFT JOIN latest_arr l ON l.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY AND r.verbatim IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY d.theme_id, words ORDER BY arr DESC, r.response_id) = 1
),
-- the theme's higher-ARR half: ARR at or above the median of its candidates (all of them when no ARR is known)
eligible AS (
  SELECT * FROM candidates
  QUALIFY arr >= quantile_cont(arr, 0.5) OVER (PARTITION BY theme_id)
),
idf AS (
  SELECT word, ln((SELECT count(*) FROM clause_words) / count(*)) AS idf
  FROM (SELECT unnest(words) AS word FROM clause_words) GROUP BY word
),
eligible_words AS (
  SELECT e.theme_id, e.clause_key, i.word, i.idf
  FROM (SELECT theme_id, clause_key, unnest(words) AS word FROM eligible) e
  JOIN idf i USING (word)
),
-- per theme and word: how many of the theme's candidate clauses say it, of how many
centroid AS (
  SELECT theme_id, word, count(*) AS clauses, any_value(n) AS n
  FROM eligible_words JOIN (SELECT theme_id, count(*) AS n FROM eligible GROUP BY theme_id) USING (theme_id)
  GROUP BY theme_id, word
),
-- each clause against the centroid of the theme's other candidates (leave one out: a clause's own words would
-- otherwise make an odd clause typical of a small theme)
typicality AS (
  SELECT ew.theme_id, ew.clause_key,
    sum(ew.idf * ew.idf * (c.clauses - 1) / greatest(c.n - 1, 1)) / nullif(sqrt(sum(ew.idf * ew.idf)), 0) AS typicality
  FROM eligible_words ew JOIN centroid c USING (theme_id, word)
  GROUP BY ew.theme_id, ew.clause_key
),
ranked_candidates AS (
  SELECT e.*, row_number() OVER (PARTITION BY e.theme_id ORDER BY coalesce(t.typicality, 0) DESC, e.arr DESC, e.polarity, e.response_id) AS typicality_rank
  FROM eligible e LEFT JOIN typicality t USING (theme_id, clause_key)
)
SELECT theme_id, response_id, verbatim, nps, csat, ces, strftime(submitted_at, '%Y-%m-%d') AS submitted, segment,
  round(polarity, 3) AS polarity, clause_start, clause_end, match_source, arr, typicality_rank, words
FROM ranked_candidates
WHERE typicality_rank <= $pool
ORDER BY theme_id, typicality_rank;

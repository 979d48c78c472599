-- One row per (response, theme, sentiment) mentioned, for every response (the churn linkage
-- looks at feedback without an NPS answer too). 'any' = mentioned with any sentiment. The two
-- parts have different sentiments and m is distinct, so UNION ALL is already duplicate-free.
CREATE OR REPLACE TEMP TABLE drivers_mentions AS
WITH m AS (
  SELECT DISTINCT
    response_id,
    theme_id,
    CASE WHEN sentiment_label IN ('negative', 'positive') THEN sentiment_label ELSE 'neutral' END AS sentiment
  FROM theme_mentions
  WHERE response_id IS NOT NULL AND theme_id IS NOT NULL
)
SELECT response_id, theme_id, sentiment FROM m
UNION ALL
SELECT DISTINCT response_id, theme_id, 'any' FROM m;

-- The themes and match sources of every theme mention (match_source and engine when the table has them):
-- the explorer's theme and source dictionaries.
SELECT DISTINCT theme_id, COLUMNS(c -> c IN ('match_source', 'engine'))
FROM theme_mentions;

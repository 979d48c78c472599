-- Themes that occur in the mentions.
SELECT DISTINCT theme_id FROM drivers_mentions ORDER BY theme_id;

-- callback_mentions: the run's theme mentions.
CREATE OR REPLACE TEMP VIEW callback_mentions AS
SELECT response_id, theme_id, sentiment_label FROM theme_mentions;

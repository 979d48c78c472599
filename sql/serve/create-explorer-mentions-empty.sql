-- explorer_mentions for a run without theme_mentions: no mention (the columns the served explorer reads).
CREATE OR REPLACE TEMP VIEW explorer_mentions AS
SELECT NULL::VARCHAR AS response_id, NULL::VARCHAR AS theme_id, NULL::VARCHAR AS sentiment_label, NULL::VARCHAR AS clause_text,
  NULL::INTEGER AS clause_start, NULL::INTEGER AS clause_end, NULL::VARCHAR AS engine
WHERE false;

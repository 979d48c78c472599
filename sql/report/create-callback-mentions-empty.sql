-- callback_mentions when the run classified no verbatims.
CREATE OR REPLACE TEMP VIEW callback_mentions AS
SELECT NULL::VARCHAR AS response_id, NULL::VARCHAR AS theme_id, NULL::VARCHAR AS sentiment_label WHERE false;

-- The texts to classify in a pipeline run: the non-blank verbatims of the canonical responses
-- table, hashed once per run (the output tables join on these hashes too).
CREATE OR REPLACE TEMP TABLE response_text_hashes AS
SELECT response_id, verbatim AS text, md5(verbatim) AS text_hash
FROM responses
WHERE verbatim IS NOT NULL AND length(trim(verbatim)) > 0;
CREATE OR REPLACE TEMP VIEW classify_source AS SELECT text, text_hash FROM response_text_hashes;

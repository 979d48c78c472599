-- explorer_rows: the verbatim explorer's rows of the run as of $as_of, kept in the run's database for `ecoute serve`
-- (src/serve/served-explorer.ts): the columns of explorer_verbatims (create-explorer-verbatims-macro.sql) but the
-- verbatim itself, which is replaced by its PII-redacted text (`text`, redactPii: what the embedded explorer shows),
-- that text folded for the search (`folded`, foldSearchText) and the md5 of the verbatim (`verbatim_hash`: serve
-- checks the rows still match the run's verbatims), newest first (the explorer's default order).
CREATE OR REPLACE TABLE explorer_rows AS
SELECT v.* EXCLUDE (verbatim), md5(v.verbatim) AS verbatim_hash, t.text, t.folded
FROM explorer_verbatims($as_of) v
JOIN explorer_row_texts t ON t.response_id = v.response_id
ORDER BY v.submitted_at DESC, v.response_id;
DROP TABLE explorer_row_texts;

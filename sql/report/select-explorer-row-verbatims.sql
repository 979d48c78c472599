-- The verbatims whose explorer text write-explorer-rows.ts computes (create-explorer-verbatims-macro.sql).
SELECT response_id, verbatim FROM explorer_verbatims($as_of);

-- explorer_row_texts: the explorer's text of each verbatim as src/report/explorer/write-explorer-rows.ts computes it
-- in JavaScript (redactPii, then foldSearchText for the search), appended there before explorer_rows is built.
CREATE OR REPLACE TEMP TABLE explorer_row_texts (response_id VARCHAR, text VARCHAR, folded VARCHAR);

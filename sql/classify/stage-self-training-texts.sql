-- The distinct texts of cross_fit_rows with their features (see stage-cross-fit-rows.sql), numbered by text
-- hash so JS reads them in chunks: what the sentiment engine self-trains on when too few verbatims are scored.
-- The columns after ord are what JS reads of a row, by position (selfTrainStreamed in cross-fit-phase.ts).
CREATE OR REPLACE TEMP TABLE self_training_texts AS
SELECT row_number() OVER (ORDER BY text_hash) AS ord,
       text_hash, hashes, polarity, hits
FROM (SELECT text_hash, any_value(hashes) AS hashes, any_value(polarity) AS polarity, any_value(hits) AS hits
      FROM cross_fit_rows GROUP BY text_hash);

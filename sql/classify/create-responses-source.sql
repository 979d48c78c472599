-- The texts to classify in a pipeline run: the verbatims of the canonical responses table.
CREATE OR REPLACE TEMP VIEW classify_source AS SELECT verbatim AS text FROM responses;

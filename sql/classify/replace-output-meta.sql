DELETE FROM classify_output_meta;

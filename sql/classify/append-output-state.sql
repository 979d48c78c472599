INSERT INTO classify_output_state SELECT response_id, text_hash FROM classify_added;

DELETE FROM classify_output_state;
INSERT INTO classify_output_state SELECT response_id, text_hash FROM response_text_hashes;

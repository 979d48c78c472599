-- Responses (with their text hash) that the output tables do not reflect yet.
CREATE OR REPLACE TEMP TABLE classify_added AS
SELECT r.response_id, r.text_hash FROM response_text_hashes r
ANTI JOIN classify_output_state s USING (response_id, text_hash);

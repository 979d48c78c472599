-- The responses of the people on the erasure list, with the hash their verbatim has in classification_cache;
-- their quarantined responses too (id only), so that a follow-up quarantined for naming one is found.
CREATE OR REPLACE TEMP TABLE erased_responses AS
SELECT response_id, verbatim, md5(verbatim) AS text_hash
FROM responses
WHERE list_has_any(erasure_keys(contact_id, account_id, verbatim), $hashes)
UNION ALL
SELECT json_extract_string(raw, '$.response_id'), NULL, NULL
FROM quarantine
WHERE source = 'responses' AND json_valid(raw) AND json_extract_string(raw, '$.response_id') IS NOT NULL
  AND list_has_any(erasure_raw_keys(raw), $hashes);

-- The responses of the people on the erasure list, with the hash their verbatim has in classification_cache.
CREATE OR REPLACE TEMP TABLE erased_responses AS
SELECT response_id, verbatim, md5(verbatim) AS text_hash
FROM responses
WHERE list_has_any(erasure_keys(contact_id, account_id, verbatim), $hashes);

-- At ingest, before validation: the contact id hashes of the staged contacts whose email is on the erasure list
-- ($hashes), so that every source drops that contact's rows (erasure_hash trims as ecoute_text does).
SELECT DISTINCT erasure_hash('contact', contact_id) AS hash
FROM stg_contacts
WHERE nullif(trim(contact_id), '') IS NOT NULL AND list_contains($hashes, erasure_hash('email', email));

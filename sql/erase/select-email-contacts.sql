-- The contact id hashes of the contacts whose email (contacts.email) is on the erasure list ($hashes).
SELECT DISTINCT erasure_hash('contact', contact_id) AS hash
FROM contacts
WHERE contact_id IS NOT NULL AND list_contains($hashes, erasure_hash('email', email));

-- The distinct phone numbers of the staged contacts, as read (trimmed, missing values dropped), for phone-e164.ts.
SELECT DISTINCT ecoute_text(phone) AS phone_read
FROM stg_contacts
WHERE ecoute_text(phone) IS NOT NULL
ORDER BY phone_read;

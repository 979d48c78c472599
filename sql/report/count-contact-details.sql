-- Contacts with a restricted detail (name, email or phone): none means the contacts source does not map them.
SELECT count(*) AS n FROM contacts WHERE name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL;

-- Each distinct phone number of the staged contacts and its E.164 form (NULL when it does not normalise),
-- filled by src/validate/contact-phones.ts; check-contacts.sql looks the numbers up here.
CREATE OR REPLACE TEMP TABLE contact_phones (phone_read VARCHAR PRIMARY KEY, phone_e164 VARCHAR);

-- Matching rows against the erasure list (src/erase/erasure-list.ts) by hash: erasure_hash is the twin of
-- erasureHash (same salt, same trimming, emails lower-cased); the email pattern is EMAIL_PATTERN of
-- src/classify/pii/pii-patterns.ts (a test checks both).
CREATE OR REPLACE TEMP MACRO erasure_hash(kind, id) AS
  sha256('ecoute-erasure-v1:' || kind || ':' ||
    CASE WHEN kind = 'email' THEN lower(trim(id, ' ' || chr(9) || chr(13) || chr(10) || chr(160) || chr(8239)))
         ELSE trim(id, ' ' || chr(9) || chr(13) || chr(10) || chr(160) || chr(8239)) END);

-- The email addresses written in a text, hashed.
CREATE OR REPLACE TEMP MACRO erasure_text_keys(txt) AS
  CASE WHEN txt IS NULL OR NOT contains(txt, '@') THEN []::VARCHAR[]
       ELSE list_transform(regexp_extract_all(txt, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}'), lambda e: erasure_hash('email', e)) END;

-- Every hash a row can be erased by: its contact id (also as an email address: some CRMs use it as the
-- contact id), its account id, and the emails in its free text.
CREATE OR REPLACE TEMP MACRO erasure_keys(contact, account, txt) AS
  list_concat(
    CASE WHEN contact IS NULL THEN []::VARCHAR[] ELSE [erasure_hash('contact', contact), erasure_hash('email', contact)] END,
    CASE WHEN account IS NULL THEN []::VARCHAR[] ELSE [erasure_hash('account', account)] END,
    erasure_text_keys(txt));

-- A contact's email address (the contacts source's email column), hashed: an email erasure request matches it
-- whether or not the address checked out at ingest.
CREATE OR REPLACE TEMP MACRO erasure_email_keys(email) AS
  CASE WHEN email IS NULL THEN []::VARCHAR[] ELSE [erasure_hash('email', email)] END;

-- A quarantined row's raw copy (the row as JSON, or the raw CSV / JSON line that could not be parsed):
-- every token between delimiters and quotes counts as a possible contact or account id, plus its emails.
CREATE OR REPLACE TEMP MACRO erasure_raw_keys(raw) AS
  CASE WHEN raw IS NULL THEN []::VARCHAR[] ELSE
    list_concat(
      flatten(list_transform(
        list_filter(regexp_split_to_array(raw, '[,;\t|"{}\[\]]'), lambda tok: length(trim(tok)) BETWEEN 1 AND 200),
        lambda tok: [erasure_hash('contact', tok), erasure_hash('account', tok), erasure_hash('email', tok)])),
      erasure_text_keys(raw))
  END;

-- Whether a quarantined row's raw copy holds one of the given ids as a token (a follow-up quarantined because
-- the response it names was erased, or is itself quarantined, is found by that response's id).
CREATE OR REPLACE TEMP MACRO erasure_raw_has_token(raw, ids) AS
  raw IS NOT NULL AND len(ids) > 0 AND list_has_any(list_transform(regexp_split_to_array(raw, '[,;\t|"{}\[\]:]'), lambda tok: trim(tok)), ids);

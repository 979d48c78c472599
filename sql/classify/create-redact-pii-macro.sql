-- redact_pii(text): the DuckDB twin of src/classify/pii/redact-pii.ts (same patterns, same validation, same order).
-- Keep the pattern strings identical to src/classify/pii/pii-patterns.ts; a test compares both on fixtures.
-- Each pass splits the text around the candidate matches and rebuilds it, replacing only the valid ones.
CREATE OR REPLACE MACRO pii_digits(s) AS regexp_replace(s, '[^0-9]', '', 'g');

CREATE OR REPLACE MACRO pii_luhn_ok(s) AS (
  length(pii_digits(s)) BETWEEN 13 AND 19
  AND list_sum(list_transform(range(length(pii_digits(s))), lambda i:
        CASE WHEN i % 2 = 1
             THEN (CASE WHEN 2 * CAST(pii_digits(s)[length(pii_digits(s)) - i] AS INTEGER) > 9
                        THEN 2 * CAST(pii_digits(s)[length(pii_digits(s)) - i] AS INTEGER) - 9
                        ELSE 2 * CAST(pii_digits(s)[length(pii_digits(s)) - i] AS INTEGER) END)
             ELSE CAST(pii_digits(s)[length(pii_digits(s)) - i] AS INTEGER) END)) % 10 = 0
);

CREATE OR REPLACE MACRO pii_iban_numeric(c) AS
  array_to_string(list_transform(string_split(c[5:] || c[1:4], ''), lambda ch:
    CASE WHEN ch BETWEEN '0' AND '9' THEN ch ELSE CAST(ascii(ch) - 55 AS VARCHAR) END), '');

CREATE OR REPLACE MACRO pii_iban_ok(s) AS (
  length(regexp_replace(s, '[^A-Za-z0-9]', '', 'g')) BETWEEN 15 AND 34
  AND list_reduce(
        list_transform(string_split(pii_iban_numeric(upper(regexp_replace(s, '[^A-Za-z0-9]', '', 'g'))), ''), lambda d: CAST(d AS INTEGER)),
        lambda acc, d: (acc * 10 + d) % 97) = 1
);

CREATE OR REPLACE MACRO pii_phone_ok(s) AS
  length(pii_digits(replace(s, '(0)', ''))) BETWEEN 9 AND 15;

CREATE OR REPLACE MACRO pii_valid(kind, s) AS
  CASE kind
    WHEN 'email' THEN true
    WHEN 'iban' THEN pii_iban_ok(s)
    WHEN 'card' THEN pii_luhn_ok(s)
    WHEN 'phone' THEN pii_phone_ok(s)
  END;

CREATE OR REPLACE MACRO pii_replace(t, pattern, kind) AS
  regexp_split_to_array(t, pattern)[1]
  || array_to_string(list_transform(regexp_extract_all(t, pattern), lambda m, i:
       (CASE WHEN pii_valid(kind, m) THEN '[' || kind || ']' ELSE m END) || regexp_split_to_array(t, pattern)[i + 1]), '');

CREATE OR REPLACE MACRO redact_pii(t) AS
  pii_replace(
    pii_replace(
      pii_replace(
        pii_replace(t,
          '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', 'email'),
        '\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b', 'iban'),
      '\b[0-9](?:[ -]?[0-9]){12,18}\b', 'card'),
    '(?:\+|\b00)[1-9][0-9]{0,2}(?:[ .-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,4})){2,6}\b|\b0[1-9](?:[ .-]?[0-9]{2}){4}\b', 'phone');

-- redact_pii(text): the DuckDB twin of src/classify/pii/redact-pii.ts (same patterns, same validation, same order).
-- Keep the pattern strings identical to src/classify/pii/pii-patterns.ts; a test compares both on fixtures.
-- Each pass splits the text around the candidate matches and rebuilds it, replacing only the valid ones.
-- `list_transform([expr], lambda v: ...)[1]` binds an expensive expression once (macros substitute text).

-- Luhn over the digits of s (13-19 of them); odd positions from the right are doubled.
CREATE OR REPLACE MACRO pii_luhn_ok(s) AS
  list_transform([regexp_replace(s, '[^0-9]', '', 'g')], lambda d:
    length(d) BETWEEN 13 AND 19
    AND list_sum(list_transform(string_split(reverse(d), ''), lambda ch, i:
          CASE WHEN i % 2 = 0 THEN 2 * CAST(ch AS INTEGER) - (CASE WHEN CAST(ch AS INTEGER) > 4 THEN 9 ELSE 0 END)
               ELSE CAST(ch AS INTEGER) END)) % 10 = 0)[1];

-- ISO 13616: first 4 characters moved to the end, letters as 10..35, remainder mod 97 = 1.
CREATE OR REPLACE MACRO pii_iban_ok(s) AS
  list_transform([upper(regexp_replace(s, '[^A-Za-z0-9]', '', 'g'))], lambda c:
    length(c) BETWEEN 15 AND 34
    AND list_reduce(
          list_transform(string_split(array_to_string(list_transform(string_split(c[5:] || c[1:4], ''), lambda ch:
            CASE WHEN ch BETWEEN '0' AND '9' THEN ch ELSE CAST(ascii(ch) - 55 AS VARCHAR) END), ''), ''), lambda x: CAST(x AS INTEGER)),
          lambda acc, x: (acc * 10 + x) % 97) = 1)[1];

CREATE OR REPLACE MACRO pii_phone_ok(s) AS
  length(regexp_replace(replace(s, '(0)', ''), '[^0-9]', '', 'g')) BETWEEN 9 AND 15;

CREATE OR REPLACE MACRO pii_valid(kind, s) AS
  CASE kind
    WHEN 'email' THEN true
    WHEN 'iban' THEN pii_iban_ok(s)
    WHEN 'card' THEN pii_luhn_ok(s)
    WHEN 'phone' THEN pii_phone_ok(s)
  END;

-- t is referenced once (bound to s), so nesting four passes stays linear in size.
CREATE OR REPLACE MACRO pii_replace(t, pattern, kind) AS
  list_transform([t], lambda s:
    CASE WHEN NOT regexp_matches(s, pattern) THEN s ELSE
      list_transform([{'parts': regexp_split_to_array(s, pattern), 'matches': regexp_extract_all(s, pattern)}], lambda q:
        q.parts[1] || array_to_string(list_transform(list_zip(q.matches, q.parts[2:]), lambda x:
          (CASE WHEN pii_valid(kind, x[1]) THEN '[' || kind || ']' ELSE x[1] END) || x[2]), ''))[1]
    END)[1];

-- Texts without a digit or an '@' cannot hold any of these kinds: returned as they are.
CREATE OR REPLACE MACRO redact_pii(t) AS
  list_transform([t], lambda s:
    CASE WHEN NOT regexp_matches(s, '[0-9@]') THEN s ELSE
      pii_replace(
        pii_replace(
          pii_replace(
            pii_replace(s,
              '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', 'email'),
            '\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b', 'iban'),
          '\b[0-9](?:[ -]?[0-9]){12,18}\b', 'card'),
        '(?:\+|\b00)[1-9][0-9]{0,2}(?:[ .-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,4})){2,6}\b|\b0[1-9](?:[ .-]?[0-9]{2}){4}\b', 'phone')
    END)[1];

-- redact_pii(text): the DuckDB twin of src/classify/pii/redact-pii.ts (same patterns, same validation, same order).
-- Keep the pattern strings identical to src/classify/pii/pii-patterns.ts; test/classify-pipeline/pii-corpus.test.ts
-- compares both on the PII corpus. Each pass splits the text around the candidate matches and rebuilds it,
-- replacing only the valid ones (or their longest valid prefix ending before a separator).
-- `list_transform([expr], lambda v: ...)[1]` binds an expensive expression once (macros substitute text).

-- Luhn over the digits of s (13-19 of them); odd positions from the right are doubled.
CREATE OR REPLACE MACRO pii_luhn_ok(s) AS
  list_transform([regexp_replace(s, '[^0-9]', '', 'g')], lambda d:
    CASE WHEN length(d) BETWEEN 13 AND 19 THEN
      list_sum(list_transform(string_split(reverse(d), ''), lambda ch, i:
        CASE WHEN i % 2 = 0 THEN 2 * CAST(ch AS INTEGER) - (CASE WHEN CAST(ch AS INTEGER) > 4 THEN 9 ELSE 0 END)
             ELSE CAST(ch AS INTEGER) END)) % 10 = 0
    ELSE false END)[1];

-- ISO 13616: first 4 characters moved to the end, letters as 10..35, remainder mod 97 = 1.
CREATE OR REPLACE MACRO pii_iban_ok(s) AS
  list_transform([upper(regexp_replace(s, '[^A-Za-z0-9]', '', 'g'))], lambda c:
    CASE WHEN length(c) BETWEEN 15 AND 34 THEN
      list_reduce(
        list_transform(string_split(array_to_string(list_transform(string_split(c[5:] || c[1:4], ''), lambda ch:
          CASE WHEN ch BETWEEN '0' AND '9' THEN ch ELSE CAST(ascii(ch) - 55 AS VARCHAR) END), ''), ''), lambda x: CAST(x AS INTEGER)),
        lambda acc, x: (acc * 10 + x) % 97) = 1
    ELSE false END)[1];

-- French NIR: key = 97 - (first 13 digits mod 97), Corsica's 2A / 2B counted as 19 / 18.
CREATE OR REPLACE MACRO pii_nir_ok(s) AS
  list_transform([upper(regexp_replace(s, '[^A-Za-z0-9]', '', 'g'))], lambda c:
    CASE WHEN length(c) = 15 AND regexp_matches(c[14:15], '^[0-9]{2}$') THEN
      coalesce(97 - TRY_CAST(replace(replace(c[1:13], '2A', '19'), '2B', '18') AS BIGINT) % 97 = CAST(c[14:15] AS INTEGER), false)
    ELSE false END)[1];

-- 9 to 15 digits once "(0)" is dropped; 9 to 11 for a national number starting with a single 0.
CREATE OR REPLACE MACRO pii_phone_ok(s) AS
  length(regexp_replace(replace(s, '(0)', ''), '[^0-9]', '', 'g'))
    BETWEEN 9 AND (CASE WHEN regexp_matches(s, '^\(?0[1-9]') THEN 11 ELSE 15 END);

CREATE OR REPLACE MACRO pii_valid(kind, s) AS
  CASE kind
    WHEN 'email' THEN true
    WHEN 'iban' THEN pii_iban_ok(s)
    WHEN 'nir' THEN pii_nir_ok(s)
    WHEN 'card' THEN pii_luhn_ok(s)
    WHEN 'phone' THEN pii_phone_ok(s)
  END;

-- Length of the longest valid prefix of a candidate match m that ends at the end of m or before a
-- non-alphanumeric character; 0 when none is valid (validPrefixLength in redact-pii.ts).
CREATE OR REPLACE MACRO pii_valid_end(kind, m) AS
  CASE WHEN pii_valid(kind, m) THEN length(m) ELSE
    coalesce(list_max(list_filter(range(1, length(m)), lambda i:
      NOT regexp_matches(m[i + 1], '[A-Za-z0-9]') AND coalesce(pii_valid(kind, m[1:i]), false))), 0)
  END;

-- t is referenced once (bound to s), so nesting the passes stays linear in size.
CREATE OR REPLACE MACRO pii_replace(t, pattern, kind) AS
  list_transform([t], lambda s:
    CASE WHEN NOT regexp_matches(s, pattern) THEN s ELSE
      list_transform([{'parts': regexp_split_to_array(s, pattern), 'matches': regexp_extract_all(s, pattern)}], lambda q:
        q.parts[1] || array_to_string(list_transform(list_zip(q.matches, q.parts[2:]), lambda x:
          list_transform([{'m': x[1], 'e': pii_valid_end(kind, x[1])}], lambda v:
            CASE WHEN v.e = 0 THEN v.m ELSE '[' || kind || ']' || v.m[v.e + 1:] END)[1] || x[2]), ''))[1]
    END)[1];

-- All passes, in order (email first: addresses contain digits).
CREATE OR REPLACE MACRO pii_replace_all(s) AS
  pii_replace(
    pii_replace(
      pii_replace(
        pii_replace(
          pii_replace(s,
            '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', 'email'),
          '\b[A-Za-z]{2}[0-9]{2}(?:[\p{Zs}.-]?[A-Za-z0-9]{4}){2,7}(?:[\p{Zs}.-]?[A-Za-z0-9]{1,4})?\b', 'iban'),
        '\b[12][\p{Zs}.-]?[0-9]{2}[\p{Zs}.-]?[0-9]{2}[\p{Zs}.-]?(?:[0-9]{2}|2[ABab])[\p{Zs}.-]?[0-9]{3}[\p{Zs}.-]?[0-9]{3}[\p{Zs}.-]?[0-9]{2}\b', 'nir'),
      '\b[0-9](?:[\p{Zs}.-]?[0-9]){12,18}\b', 'card'),
    '\(?(?:\+|\b00)[1-9][0-9]{0,2}\)?(?:[\p{Zs}.-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,4})){2,7}\b|\(?\b0[1-9][0-9]{0,3}\)?(?:[0-9]{5,9}|(?:\p{Zs}[0-9]{2,6}){1,4}|(?:\.[0-9]{2,4}){2,4}|(?:-[0-9]{2,4}){2,4}|/[0-9]{2,3}(?:[.\p{Zs}]?[0-9]{2}){2,3})\b|(?:\b1[\p{Zs}.-])?(?:\([2-9][0-9]{2}\)\p{Zs}?|\b[2-9][0-9]{2}[\p{Zs}.-])[0-9]{3}[\p{Zs}.-][0-9]{4}\b', 'phone');

-- One cheap scan first, outside any lambda (the passes cost ~30 µs a row even when they change nothing): a text
-- without an '@', a country code + check digits (IBAN), or 9 digits with at most 4 other characters between
-- consecutive ones (every valid phone, card and NIR has that) is returned as it is.
CREATE OR REPLACE MACRO redact_pii(t) AS
  CASE WHEN regexp_matches(t, '@|[A-Za-z]{2}[0-9]{2}|[0-9](?:[^0-9]{0,4}[0-9]){8}') THEN pii_replace_all(t) ELSE t END;

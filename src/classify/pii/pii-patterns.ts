/**
 * The personal data that verbatims must not leak into exports and reports, as regular expressions
 * written in the common subset of JavaScript (`u` flag) and RE2 (DuckDB's regex engine): no lookaround,
 * no backreference, ASCII `\b`, `\p{Zs}` for every space (U+0020, no-break U+00A0, narrow no-break U+202F…).
 * The very same pattern strings live in `sql/classify/create-redact-pii-macro.sql`;
 * `test/classify-pipeline/pii-corpus.test.ts` checks both give the same output on the PII corpus.
 *
 * Kinds are applied in order (email first: addresses contain digits). Each candidate match is
 * validated (mod-97 for IBANs, key for the French NIR, Luhn for cards, digit count for phones); when the
 * whole match fails, its longest valid prefix ending before a separator is redacted instead, so a card
 * followed by its expiry month, or an IBAN followed by a word, is still caught. Matches become `[kind]`.
 */
export type PiiKind = 'email' | 'iban' | 'nir' | 'card' | 'phone';

export interface PiiPattern {
  readonly kind: PiiKind;
  /** RE2/JS pattern source */
  readonly source: string;
  /** whether a candidate match really is that kind of data */
  readonly isValid: (match: string) => boolean;
}

export const EMAIL_PATTERN = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
/** country code, check digits, then 11-30 alphanumerics in groups of 4; spaces, dots or dashes between groups */
export const IBAN_PATTERN = String.raw`\b[A-Za-z]{2}[0-9]{2}(?:[\p{Zs}.-]?[A-Za-z0-9]{4}){2,7}(?:[\p{Zs}.-]?[A-Za-z0-9]{1,4})?\b`;
/** French social security number: sex, year, month, department (2A/2B for Corsica), commune, order, key */
export const NIR_PATTERN = String.raw`\b[12][\p{Zs}.-]?[0-9]{2}[\p{Zs}.-]?[0-9]{2}[\p{Zs}.-]?(?:[0-9]{2}|2[ABab])[\p{Zs}.-]?[0-9]{3}[\p{Zs}.-]?[0-9]{3}[\p{Zs}.-]?[0-9]{2}\b`;
/** 13-19 digits, one space, dot or dash at most between two of them */
export const CARD_PATTERN = String.raw`\b[0-9](?:[\p{Zs}.-]?[0-9]){12,18}\b`;
/**
 * International (+CC, 00CC or (+CC), optional (0) or (area)); national numbers starting with 0 (FR, BE, CH, UK:
 * compact, or with one kind of separator throughout: spaces, dots, dashes, or BE's 0470/12.34.56); North
 * American (415) 555-2671, 415-555-2671, 1-800-555-0199. One separator kind per national number keeps
 * dates and times (05.11.2024 10:30) out.
 */
export const PHONE_PATTERN = String.raw`\(?(?:\+|\b00)[1-9][0-9]{0,2}\)?(?:[\p{Zs}.-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,4})){2,7}\b|\(?\b0[1-9][0-9]{0,3}\)?(?:[0-9]{5,9}|(?:\p{Zs}[0-9]{2,6}){1,4}|(?:\.[0-9]{2,4}){2,4}|(?:-[0-9]{2,4}){2,4}|/[0-9]{2,3}(?:[.\p{Zs}]?[0-9]{2}){2,3})\b|(?:\b1[\p{Zs}.-])?(?:\([2-9][0-9]{2}\)\p{Zs}?|\b[2-9][0-9]{2}[\p{Zs}.-])[0-9]{3}[\p{Zs}.-][0-9]{4}\b`;

const digitsOf = (s: string): string => s.replace(/[^0-9]/g, '');

/** Luhn checksum over the digits of `s` (separators ignored). */
export function isLuhnValid(s: string): boolean {
  const d = digitsOf(s);
  if (d.length < 13 || d.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

/** ISO 13616 check: move the first 4 characters to the end, letters to 10..35, remainder mod 97 must be 1. */
export function isIbanValid(s: string): boolean {
  const compact = s.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/** NIR key: 97 minus the first 13 digits mod 97, Corsica's 2A and 2B counted as 19 and 18. */
export function isNirValid(s: string): boolean {
  const compact = s.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (compact.length !== 15) return false;
  const body = compact.slice(0, 13).replaceAll('2A', '19').replaceAll('2B', '18');
  if (!/^[0-9]{13}$/.test(body) || !/^[0-9]{2}$/.test(compact.slice(13))) return false;
  return 97 - Number(BigInt(body) % 97n) === Number(compact.slice(13));
}

/**
 * A phone number has 9 to 15 digits once a "(0)" trunk prefix is dropped (E.164 allows at most 15);
 * a national number starting with a single 0 (FR, BE, CH, UK) has 9 to 11.
 */
export function isPhoneValid(s: string): boolean {
  const n = digitsOf(s.replaceAll('(0)', '')).length;
  return n >= 9 && n <= (/^\(?0[1-9]/.test(s) ? 11 : 15);
}

export const PII_PATTERNS: readonly PiiPattern[] = Object.freeze([
  { kind: 'email', source: EMAIL_PATTERN, isValid: () => true },
  { kind: 'iban', source: IBAN_PATTERN, isValid: isIbanValid },
  { kind: 'nir', source: NIR_PATTERN, isValid: isNirValid },
  { kind: 'card', source: CARD_PATTERN, isValid: isLuhnValid },
  { kind: 'phone', source: PHONE_PATTERN, isValid: isPhoneValid },
]);

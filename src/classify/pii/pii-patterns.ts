/**
 * The personal data that verbatims must not leak into exports and reports, as regular expressions
 * written in the common subset of JavaScript and RE2 (DuckDB's regex engine): no lookaround, no
 * backreference, ASCII `\b`. The very same pattern strings live in `sql/classify/create-redact-pii-macro.sql`;
 * `test/classify-pipeline/pii-redaction.test.ts` checks both give the same output on a fixture list.
 *
 * Kinds are applied in order (email first: addresses contain digits), each candidate match is
 * validated (Luhn for cards, mod-97 for IBANs, digit count for phones) and replaced by `[kind]`.
 */
export type PiiKind = 'email' | 'iban' | 'card' | 'phone';

export interface PiiPattern {
  readonly kind: PiiKind;
  /** RE2/JS pattern source */
  readonly source: string;
  /** whether a candidate match really is that kind of data */
  readonly isValid: (match: string) => boolean;
}

export const EMAIL_PATTERN = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
/** country code, check digits, then 11-30 alphanumerics in groups of 4, spaces optional */
export const IBAN_PATTERN = String.raw`\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b`;
/** 13-19 digits, single spaces or dashes between them */
export const CARD_PATTERN = String.raw`\b[0-9](?:[ -]?[0-9]){12,18}\b`;
/** international (+CC or 00CC, optional (0) or (area)), or French national 0X XX XX XX XX */
export const PHONE_PATTERN = String.raw`(?:\+|\b00)[1-9][0-9]{0,2}(?:[ .-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,4})){2,6}\b|\b0[1-9](?:[ .-]?[0-9]{2}){4}\b`;

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

/** A phone number has 9 to 15 digits once a "(0)" trunk prefix is dropped (E.164 allows at most 15). */
export function isPhoneValid(s: string): boolean {
  const n = digitsOf(s.replace('(0)', '')).length;
  return n >= 9 && n <= 15;
}

export const PII_PATTERNS: readonly PiiPattern[] = Object.freeze([
  { kind: 'email', source: EMAIL_PATTERN, isValid: () => true },
  { kind: 'iban', source: IBAN_PATTERN, isValid: isIbanValid },
  { kind: 'card', source: CARD_PATTERN, isValid: isLuhnValid },
  { kind: 'phone', source: PHONE_PATTERN, isValid: isPhoneValid },
]);

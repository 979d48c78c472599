/**
 * Replaces emails, IBANs, French NIRs, card numbers and phone numbers in a text by `[email]`,
 * `[iban]`, `[nir]`, `[card]`, `[phone]`. The DuckDB macro `redact_pii(text)`
 * (sql/classify/create-redact-pii-macro.sql) gives the same output, so exports can redact inside the database.
 *
 * **Example:**
 * ```ts
 * redactPii('Rappelez-moi au 06 12 34 56 78 ou jean.dupont@example.fr, commande 123456789012');
 * // 'Rappelez-moi au [phone] ou [email], commande 123456789012'
 * redactPii('carte 4111 1111 1111 1111 12/27, IBAN BE68 5390 0754 7034 merci');
 * // 'carte [card] 12/27, IBAN [iban] merci'
 * ```
 */
import { PII_PATTERNS, type PiiKind, type PiiPattern } from './pii-patterns.ts';

const COMPILED = PII_PATTERNS.map((p) => ({ ...p, regex: new RegExp(p.source, 'gu') }));
const ALNUM = /[A-Za-z0-9]/;

/**
 * Length of the longest prefix of a candidate match that is valid and ends where a separator (or the
 * match) ends: the whole match first, 0 when no prefix is valid. The SQL twin is `pii_valid_end`.
 */
export function validPrefixLength(p: Pick<PiiPattern, 'isValid'>, match: string): number {
  for (let end = match.length; end > 0; end--) {
    if (end < match.length && ALNUM.test(match.charAt(end))) continue;
    if (p.isValid(match.slice(0, end))) return end;
  }
  return 0;
}

function redactKind(text: string, p: (typeof COMPILED)[number], onFound: () => void): string {
  return text.replace(p.regex, (match) => {
    const end = validPrefixLength(p, match);
    if (end === 0) return match;
    onFound();
    return `[${p.kind}]${match.slice(end)}`;
  });
}

export function redactPii(text: string): string {
  let out = text;
  for (const p of COMPILED) out = redactKind(out, p, () => undefined);
  return out;
}

/** Which kinds of personal data a text holds (after validation), in pattern order. */
export function findPii(text: string): PiiKind[] {
  const kinds: PiiKind[] = [];
  let rest = text;
  for (const p of COMPILED) {
    let found = false;
    rest = redactKind(rest, p, () => {
      found = true;
    });
    if (found) kinds.push(p.kind);
  }
  return kinds;
}

/**
 * Replaces emails, phone numbers, IBANs and card numbers in a text by `[email]`, `[phone]`,
 * `[iban]`, `[card]`. The DuckDB macro `redact_pii(text)` (sql/classify/create-redact-pii-macro.sql)
 * gives the same output, so exports can redact inside the database.
 *
 * **Example:**
 * ```ts
 * redactPii('Rappelez-moi au 06 12 34 56 78 ou jean.dupont@example.fr, commande 123456789012');
 * // 'Rappelez-moi au [phone] ou [email], commande 123456789012'
 * ```
 */
import { PII_PATTERNS, type PiiKind } from './pii-patterns.ts';

const COMPILED = PII_PATTERNS.map((p) => ({ ...p, regex: new RegExp(p.source, 'g') }));

export function redactPii(text: string): string {
  let out = text;
  for (const p of COMPILED) {
    out = out.replace(p.regex, (match) => (p.isValid(match) ? `[${p.kind}]` : match));
  }
  return out;
}

/** Which kinds of personal data a text holds (after validation), in pattern order. */
export function findPii(text: string): PiiKind[] {
  const kinds: PiiKind[] = [];
  let rest = text;
  for (const p of COMPILED) {
    let found = false;
    rest = rest.replace(p.regex, (match) => {
      if (!p.isValid(match)) return match;
      found = true;
      return `[${p.kind}]`;
    });
    if (found) kinds.push(p.kind);
  }
  return kinds;
}

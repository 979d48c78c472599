/**
 * How a figure reads in a report, the dashboard or the CLI summary, in the reader's language: p-values never
 * printed as 0, money in the reader's scale. Exact figures stay in the tables and CSV files.
 *
 * **Example:**
 * ```ts
 * formatPValue(0.00002, 'en-GB');         // '< 0.001'
 * formatPValue(0.0123, 'fr-FR');          // '0,012'
 * formatMoney(15195139, 'EUR', 'en-GB');  // '€15.2m'
 * formatMoney(850000, 'EUR', 'fr-FR');    // '850 k €'
 * ```
 */

/** A p- or q-value with 3 decimals, or '< 0.001' (never 0); `fallback` when not a finite number. */
export function formatPValue(value: unknown, locale: string, fallback = 'n/a'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const three = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return value < 0.001 ? `< ${three.format(0.001)}` : three.format(value);
}

/** Money in the reader's scale: three significant digits with k / M (€15.2m, 15,2 M €); `fallback` when not finite. */
export function formatMoney(value: unknown, currency: string, locale: string, fallback = 'n/a'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(value);
  } catch {
    // not an ISO 4217 code Intl knows: the figure and the code
    return `${new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value)} ${currency}`;
  }
}

/** A level as a percentage for sentences: 0.05 → '5%' (en-GB), '5 %' (fr-FR). */
export function formatLevel(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A quarter from its first day: '2026-07-01' → '2026 Q3'. */
export function formatQuarter(start: string): string {
  return `${start.slice(0, 4)} Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

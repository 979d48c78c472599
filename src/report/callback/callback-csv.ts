/**
 * CSV of the call-back list, safe to open in a spreadsheet: every text cell that starts with a
 * formula trigger (= + - @ tab CR) is prefixed with a single quote, so nothing runs; numbers stay
 * numbers. RFC 4180 quoting, CRLF line ends, lists joined with "; ".
 */
import type { CallbackRow } from './callback-list.ts';

export const CALLBACK_COLUMNS = [
  'due_by', 'status', 'account_id', 'account_name', 'segment', 'owner', 'assignee', 'arr', 'churn_probability', 'arr_at_risk', 'arr_at_risk_source',
  'nps', 'nps_category', 'csat', 'ces', 'reasons', 'negative_themes', 'themes', 'journey_stage', 'touchpoint', 'submitted_at', 'response_id', 'contact_id', 'verbatim',
  'called_at', 'hours_to_call', 'call_outcome', 'called_by', 'call_notes',
] as const satisfies ReadonlyArray<keyof CallbackRow>;

/** The first characters that make a spreadsheet evaluate a cell (also used by the dashboard's CSV exports). */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would not evaluate. */
export function formulaSafe(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: string | number | null | readonly string[]): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : value.join('; ');
  return quote(formulaSafe(text));
}

/** A CSV of `rows` with these columns, in order. */
export function csvTable<R extends Record<C, string | number | null | readonly string[]>, C extends keyof R & string>(columns: readonly C[], rows: readonly R[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function callbackCsv(rows: readonly CallbackRow[]): string {
  return csvTable(CALLBACK_COLUMNS, rows);
}

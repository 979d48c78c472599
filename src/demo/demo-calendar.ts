/**
 * The demo company's calendar: a fixed 24-month window ending 2026-10-31, and the date
 * formats of each export. Dates are plain UTC milliseconds built from constants, never the clock.
 */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Number of monthly response exports. */
export const WINDOW_MONTHS = 24;
/** First month of the window (responses-2024-11.csv). */
export const WINDOW_START_YEAR = 2024;
export const WINDOW_START_MONTH = 11; // 1-based

/** UTC ms of midnight on the given calendar day (month is 1-based). */
export function dayStart(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** Year and 1-based month of the window's month `index` (0 = 2024-11). */
export function monthOfIndex(index: number): { year: number; month: number } {
  const zeroBased = WINDOW_START_MONTH - 1 + index;
  return { year: WINDOW_START_YEAR + Math.floor(zeroBased / 12), month: (((zeroBased % 12) + 12) % 12) + 1 };
}

/** UTC ms at the start of the window's month `index` (index may be negative or ≥ 24). */
export function monthStart(index: number): number {
  const { year, month } = monthOfIndex(index);
  return dayStart(year, month, 1);
}

export function daysInMonth(index: number): number {
  return Math.round((monthStart(index + 1) - monthStart(index)) / DAY_MS);
}

/** Window month index of a timestamp (may fall outside 0..23). */
export function monthIndexOf(ms: number): number {
  const d = new Date(ms);
  return (d.getUTCFullYear() - WINDOW_START_YEAR) * 12 + d.getUTCMonth() - (WINDOW_START_MONTH - 1);
}

export const WINDOW_START_MS = monthStart(0);
/** Exclusive end: 2026-11-01T00:00. */
export const WINDOW_END_MS = monthStart(WINDOW_MONTHS);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2025-03" for the window's month index. */
export function monthKey(index: number): string {
  const { year, month } = monthOfIndex(index);
  return `${year}-${pad(month)}`;
}

/** "2025-03-07" */
export function formatIsoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2025-03-07 09:41:05" (the invitation tool's export format) */
export function formatIsoDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatIsoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "07/03/2025 09:41" (the French survey tool's export format, `%d/%m/%Y %H:%M`) */
export function formatFrenchDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Argument parsers for the CLI: a bad value is a usage error (exit code 2). */
import { UsageError } from '../run/errors.ts';

export function parseAsOf(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--as-of expects YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--as-of is not a real date: ${value}`);
  return value;
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new UsageError(`--seed expects an integer 0-4294967295, got ${JSON.stringify(value)}`);
  return n;
}

/** The CLI's default run date. The only place ecoute reads the clock; analysis code receives the date. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} expects one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

export const parseEngine = (v: string): 'embedded' | 'transformer' => oneOf('--engine', v, ['embedded', 'transformer'] as const);
export const parseFallback = (v: string): 'embedded' | 'fail' => oneOf('--fallback', v, ['embedded', 'fail'] as const);
export const parseTask = (v: string): 'sentiment' | 'topics' => oneOf('--task', v, ['sentiment', 'topics'] as const);

function parseIntAtLeast(flag: string, value: string, min: number, expected: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${flag} expects ${expected}, got ${JSON.stringify(value)}`);
  return n;
}

export const parsePositiveInt = (flag: string, value: string): number => parseIntAtLeast(flag, value, 1, 'a positive integer');
export const parseNonNegativeInt = (flag: string, value: string): number => parseIntAtLeast(flag, value, 0, 'a whole number, 0 or more');

export const parseDriversTarget = (v: string): 'nps' | 'churn' => oneOf('--target', v, ['nps', 'churn'] as const);
export const parseLang = (v: string): 'fr' | 'en' => oneOf('--lang', v, ['fr', 'en'] as const);
export const parseExportFormat = (v: string): 'arrow' => oneOf('--format', v, ['arrow'] as const);

/** `ecoute erase`: exactly one of --contact, --account, --email. */
export function parseErasureTarget(o: { contact?: string; account?: string; email?: string }): { kind: 'contact' | 'account' | 'email'; id: string } {
  const given = (['contact', 'account', 'email'] as const).flatMap((kind) => (o[kind] === undefined ? [] : [{ kind, id: o[kind] }]));
  const first = given[0];
  if (given.length !== 1 || first === undefined) throw new UsageError(`erase expects exactly one of --contact ID, --account ID, --email ADDRESS (got ${given.length})`);
  return first;
}

/**
 * Append-only JSON-lines files kept beside the nights (the erasure list, the notified call-backs):
 * one JSON object per line, appended and flushed to disk one at a time, read back whole with every
 * line checked by a zod schema. A damaged line stops with its file and line, never silently skipped.
 */
import { appendFileSync, closeSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { EcouteError } from './errors.ts';

/** Appends one JSON line and flushes it to disk. */
export function appendJsonLine(file: string, value: unknown): void {
  appendFileSync(file, `${JSON.stringify(value)}\n`);
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every line of a JSON-lines file, parsed by `schema` (none when the file does not exist). A line that
 * is not JSON or does not match stops with the file, the line and `advice` (what to do about it).
 */
export function readJsonLines<S extends z.ZodType>(file: string, schema: S, advice: string): Array<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new EcouteError(`${file}: cannot be read: ${(e as Error).message}`);
  }
  const entries: Array<z.infer<S>> = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new EcouteError(`${file}: line ${i + 1}: not JSON; ${advice}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ');
      throw new EcouteError(`${file}: line ${i + 1}: ${problems}`);
    }
    entries.push(parsed.data);
  });
  return entries;
}

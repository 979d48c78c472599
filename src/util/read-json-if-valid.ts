/** A JSON file checked with a zod schema, or undefined when it is missing, not JSON, or not of that shape (a reader that falls back on a default). */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonIfValid<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

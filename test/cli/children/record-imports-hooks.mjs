// Resolve hook: reports bare specifiers (packages), passes everything on unchanged.
import { writeSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':')) writeSync(2, `resolved ${specifier}\n`);
  return next(specifier, context);
}

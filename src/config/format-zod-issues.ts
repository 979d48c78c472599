/** Turns zod issues into `file: dotted.path: message` lines, one per problem. */
import type { z } from 'zod';

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
  /** where in the file (1-based), when the problem is in a YAML file */
  readonly line?: number;
  readonly column?: number;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p) : String(p))).join('.') || '(root)';
}

export function toConfigProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

export function formatConfigProblems(file: string, problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}${atSuffix(p)}`).join('\n');
}

/** ` (line 4, column 12)` after a schema problem; nothing when the path already is the position (a YAML syntax error). */
function atSuffix(p: ConfigProblem): string {
  if (p.line === undefined) return '';
  const at = `line ${p.line}, column ${p.column ?? 1}`;
  return p.path === at ? '' : ` (${at})`;
}

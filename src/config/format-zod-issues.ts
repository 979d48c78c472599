/** Turns zod issues into `file: dotted.path: message` lines, one per problem. */
import type { z } from 'zod';

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p) : String(p))).join('.') || '(root)';
}

export function toConfigProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

export function formatConfigProblems(file: string, problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n');
}

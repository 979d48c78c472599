/**
 * What the CLI says about an error, and its exit code: `error: <message>` on stderr, or with `--json`
 * one JSON document on stdout, `{"error": {"code", "message", "file", "path"}}` (file and path
 * when the error has them; a pipeline file's problems each with their path, line and column).
 * Exit codes: 0 ok, 1 error, 2 usage; an EcouteError carries its own (3 for a failed quality gate).
 */
import { CommanderError } from 'commander';
import { ConfigError, EcouteError, errorFileField } from '../run/errors.ts';
import type { ConfigProblem } from '../config/format-zod-issues.ts';

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly path?: string;
  /** every problem of a pipeline file */
  readonly problems?: readonly ConfigProblem[];
}

export interface DescribedError {
  readonly exitCode: number;
  readonly body: ErrorBody;
  /** the stack, for --verbose, of an error ecoute did not expect */
  readonly stack?: string;
}

export function describeError(e: unknown): DescribedError {
  if (e instanceof CommanderError) return { exitCode: 2, body: { code: 'usage', message: e.message.replace(/^error: /, '') } };
  if (e instanceof EcouteError) {
    const file = errorFileField(e)?.value;
    const problems = e instanceof ConfigError ? e.problems : undefined;
    const path = problems?.[0]?.path;
    return {
      exitCode: e.exitCode,
      body: { code: e.code, message: e.message, ...(file !== undefined ? { file } : {}), ...(path !== undefined ? { path } : {}), ...(problems !== undefined ? { problems } : {}) },
    };
  }
  const error = e instanceof Error ? e : new Error(String(e));
  return { exitCode: 1, body: { code: 'error', message: error.message }, ...(error.stack !== undefined ? { stack: error.stack } : {}) };
}

export function errorJson(d: DescribedError): string {
  return `${JSON.stringify({ error: d.body }, null, 2)}\n`;
}

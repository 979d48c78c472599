/**
 * An error thrown in `ecoute run`'s worker thread (src/run/run-in-worker.ts), carried to the main thread as plain
 * data and revived there, so the CLI reports it exactly as if the run had thrown it in the main thread: the same
 * message, exit code (1, 2, 3), `--json` code, file and a pipeline file's problems (structured cloning keeps an
 * Error's message and stack, not its class or fields).
 *
 * **Example:**
 * ```ts
 * const revived = reviveError(relayError(new GateError(['responses: 0 rows accepted'])));
 * revived instanceof EcouteError; // true, exitCode 3, code 'gate_failed'
 * ```
 */
import type { ConfigProblem } from '../config/format-zod-issues.ts';
import { ConfigError, EcouteError, errorFileField, type ErrorFileKey } from './errors.ts';

export interface RelayedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** set for an EcouteError: what the CLI reports beside its message */
  readonly ecoute?: {
    readonly exitCode: number;
    readonly code: string;
    readonly discardRun: boolean;
    readonly fileKey?: ErrorFileKey;
    readonly file?: string;
    readonly problems?: readonly ConfigProblem[];
  };
}

export function relayError(e: unknown): RelayedError {
  const error = e instanceof Error ? e : new Error(String(e));
  const base = { name: error.name, message: error.message, ...(error.stack !== undefined ? { stack: error.stack } : {}) };
  if (!(error instanceof EcouteError)) return base;
  const file = errorFileField(error);
  return {
    ...base,
    ecoute: {
      exitCode: error.exitCode, code: error.code, discardRun: error.discardRun,
      ...(file !== undefined ? { fileKey: file.key, file: file.value } : {}),
      ...(error instanceof ConfigError ? { problems: error.problems } : {}),
    },
  };
}

/** An EcouteError of the worker thread, revived: its code and file as they were thrown. */
export class RelayedEcouteError extends EcouteError {
  override readonly code: string;
  constructor(r: RelayedError & { ecoute: NonNullable<RelayedError['ecoute']> }) {
    super(r.message, r.ecoute.exitCode, r.ecoute.discardRun);
    this.name = r.name;
    this.code = r.ecoute.code;
    if (r.ecoute.fileKey !== undefined) Object.defineProperty(this, r.ecoute.fileKey, { value: r.ecoute.file, enumerable: true });
    if (r.stack !== undefined) this.stack = r.stack;
  }
}

export function reviveError(r: RelayedError): Error {
  if (r.ecoute === undefined) {
    const error = new Error(r.message);
    error.name = r.name;
    if (r.stack !== undefined) error.stack = r.stack;
    return error;
  }
  if (r.ecoute.problems !== undefined && r.ecoute.file !== undefined) return new ConfigError(r.ecoute.file, r.ecoute.problems);
  return new RelayedEcouteError({ ...r, ecoute: r.ecoute });
}

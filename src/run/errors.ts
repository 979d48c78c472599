/**
 * Errors a user can act on. Each maps to an exit code: 1 for a failed run, 2 for usage, 3 for a failed quality gate.
 * Messages name the file (and row and field where there is one).
 */
import { formatConfigProblems, type ConfigProblem } from '../config/format-zod-issues.ts';

/** The fields of an EcouteError that name what it is about: the file it read, the lock it found, the folder it refused. */
export const ERROR_FILE_KEYS = ['file', 'lockFile', 'folder'] as const;
export type ErrorFileKey = (typeof ERROR_FILE_KEYS)[number];

/** The first of ERROR_FILE_KEYS an error sets, with its value (what `--json` reports as `file`). */
export function errorFileField(e: EcouteError): { readonly key: ErrorFileKey; readonly value: string } | undefined {
  for (const key of ERROR_FILE_KEYS) {
    const value: unknown = (e as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string') return { key, value };
  }
  return undefined;
}

export class EcouteError extends Error {
  readonly exitCode: number;
  /** stable machine-readable kind, the `code` of `--json` errors */
  readonly code: string = 'failed';
  /**
   * The failed run's staging folder must not be kept for inspection: it would hold what must not be
   * written (a file refused as "not an export" is staged in its database). The run log still records it.
   */
  readonly discardRun: boolean;
  constructor(message: string, exitCode = 1, discardRun = false) {
    super(message);
    this.name = 'EcouteError';
    this.exitCode = exitCode;
    this.discardRun = discardRun;
  }
}

/** A pipeline file with mistakes: all of them, each with its path. */
export class ConfigError extends EcouteError {
  override readonly code: string = 'config_invalid';
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}:\n${formatConfigProblems(file, problems)}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

/** A whole source file that cannot be read (missing, binary, wrong delimiter, missing columns). */
export class SourceFileError extends EcouteError {
  override readonly code: string = 'source_unreadable';
  readonly file: string;
  readonly source: string;
  /** exit code 1, or 3 for a file refused by a quality check (not an export of its source: its run is discarded) */
  constructor(source: string, file: string, message: string, exitCode = 1) {
    super(`${file}: ${message}`, exitCode, exitCode === 3);
    this.name = 'SourceFileError';
    this.file = file;
    this.source = source;
  }
}

/** Command-line usage mistakes (exit code 2). */
export class UsageError extends EcouteError {
  override readonly code: string = 'usage';
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Another run holds the output folder (exit code 1; `--wait` waits for it instead). */
export class RunLockedError extends EcouteError {
  override readonly code: string = 'run_locked';
  readonly lockFile: string;
  constructor(lockFile: string, owner: { pid: number; host: string; runId: string; startedAt: string } | undefined) {
    super(
      `${lockFile}: another ecoute run is writing this output folder` +
        (owner ? ` (pid ${owner.pid} on ${owner.host}, run ${owner.runId}, started ${owner.startedAt})` : '') +
        '; wait for it to finish, or run with --wait',
    );
    this.name = 'RunLockedError';
    this.lockFile = lockFile;
  }
}

/** An output folder ecoute cannot use: it holds files ecoute did not write, or a name clash. */
export class OutputFolderError extends EcouteError {
  override readonly code: string = 'output_folder';
  readonly folder: string;
  constructor(folder: string, message: string) {
    super(`${folder}: ${message}`);
    this.name = 'OutputFolderError';
    this.folder = folder;
  }
}

/** A run stopped by a quality gate (exit code 3): nothing was published; the messages name source, figure and threshold. */
export class GateError extends EcouteError {
  override readonly code: string = 'gate_failed';
  readonly failures: readonly string[];
  /** where the failed run's quarantine and summary were kept for inspection */
  readonly keptIn: string | undefined;
  constructor(failures: readonly string[], keptIn?: string) {
    super(
      `quality gate failed, nothing published (the previous run's outputs are untouched):\n${failures.map((f) => `  ${f}`).join('\n')}` +
        (keptIn === undefined ? '' : `\nquarantine and run summary of this run kept in ${keptIn}`),
      3,
    );
    this.name = 'GateError';
    this.failures = failures;
    this.keptIn = keptIn;
  }
}

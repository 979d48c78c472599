/**
 * Errors a user can act on. Each maps to an exit code: 1 for a failed run, 2 for usage, 3 for a failed quality gate.
 * Messages name the file (and row and field where there is one).
 */
import { formatConfigProblems, type ConfigProblem } from '../config/format-zod-issues.ts';

export class EcouteError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'EcouteError';
    this.exitCode = exitCode;
  }
}

/** A pipeline file with mistakes: all of them, each with its path. */
export class ConfigError extends EcouteError {
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
  readonly file: string;
  readonly source: string;
  constructor(source: string, file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'SourceFileError';
    this.file = file;
    this.source = source;
  }
}

/** Command-line usage mistakes (exit code 2). */
export class UsageError extends EcouteError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Another run holds the output folder (exit code 1; `--wait` waits for it instead). */
export class RunLockedError extends EcouteError {
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
  readonly folder: string;
  constructor(folder: string, message: string) {
    super(`${folder}: ${message}`);
    this.name = 'OutputFolderError';
    this.folder = folder;
  }
}

/** A run stopped by a quality gate (exit code 3): nothing was published; the messages name source, figure and threshold. */
export class GateError extends EcouteError {
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

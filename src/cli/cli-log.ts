/**
 * The CLI's log on stderr: one timestamped line per phase, detail lines only with `--verbose`,
 * nothing but errors with `--quiet`. The timestamp is the wall clock of the CLI (an edge):
 * analysis code never reads it, it only calls `phase` / `detail`.
 *
 * **Example:**
 * ```ts
 * const log = createCliLog('normal', (t) => process.stderr.write(t), () => new Date());
 * log.phase('loading sources of demo (as of 2026-11-01)');
 * // 2026-12-05T12:00:00.000Z loading sources of demo (as of 2026-11-01)
 * log.detail('  responses: read 3 = accepted 2 + quarantined 1'); // printed only with --verbose
 * ```
 */
export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface CliLog {
  readonly level: LogLevel;
  /** one line per phase of a command (not with --quiet) */
  phase(message: string): void;
  /** finer progress: per-source counts, engines, notices (only with --verbose) */
  detail(message: string): void;
  /** always printed */
  error(message: string): void;
}

export function parseLogLevel(flags: { quiet?: boolean; verbose?: boolean }): LogLevel {
  return flags.quiet === true ? 'quiet' : flags.verbose === true ? 'verbose' : 'normal';
}

export function createCliLog(level: LogLevel, write: (line: string) => void, now: () => Date): CliLog {
  const stamped = (message: string): void => {
    const at = now().toISOString();
    write(`${message.split('\n').map((line) => `${at} ${line}`).join('\n')}\n`);
  };
  return {
    level,
    phase: (message) => {
      if (level !== 'quiet') stamped(message);
    },
    detail: (message) => {
      if (level === 'verbose') stamped(message.trimStart());
    },
    error: (message) => write(message.endsWith('\n') ? message : `${message}\n`),
  };
}

/**
 * What a command's action gets: where to print its result (human text, `--json`, or nothing with
 * `--quiet`) and the log on stderr (`--quiet` / `--verbose` are options of the whole program).
 */
import type { CliLog } from './cli-log.ts';
import { printResult, type Output, type PrintMode } from './print-result.ts';

export interface CommandIo {
  readonly out: Output;
  readonly log: CliLog;
  readonly mode: PrintMode;
  /** no progress bars or logs inside the command: --json or --quiet */
  readonly silent: boolean;
  print<T>(result: T, human: (r: T) => string): void;
}

/** Builds the io of one action from its own flags (the program-wide ones are read when the action runs). */
export type IoFor = (flags: { json?: boolean }) => CommandIo;

export function createCommandIo(out: Output, log: CliLog, json: boolean): CommandIo {
  const mode: PrintMode = { json, quiet: log.level === 'quiet' };
  return { out, log, mode, silent: json || log.level === 'quiet', print: (result, human) => printResult(out, result, mode, human) };
}

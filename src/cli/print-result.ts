/**
 * One way to print a command's result: JSON with `--json`, otherwise the command's human text.
 * The format never depends on whether stdout is a terminal: a cron job's log reads like the terminal.
 */
export interface Output {
  write(text: string): void;
}

export const stdoutOutput: Output = {
  write: (text) => {
    process.stdout.write(text);
  },
};

/** How the result of one command is printed: `--json`, or `--quiet` (no human text, only errors). */
export interface PrintMode {
  readonly json: boolean;
  readonly quiet?: boolean;
}

export function printResult<T>(out: Output, result: T, mode: PrintMode | boolean, human: (r: T) => string): void {
  const m = typeof mode === 'boolean' ? { json: mode } : mode;
  if (m.json) out.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (m.quiet !== true) out.write(`${human(result)}\n`);
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * One way to print a command's result: JSON when asked (--json) or when stdout is not a terminal,
 * otherwise the command's human text.
 */
export interface Output {
  readonly isTTY: boolean;
  write(text: string): void;
}

export const stdoutOutput: Output = {
  get isTTY() {
    return process.stdout.isTTY === true;
  },
  write: (text) => {
    process.stdout.write(text);
  },
};

export function printResult<T>(out: Output, result: T, json: boolean, human: (r: T) => string): void {
  if (json || !out.isTTY) out.write(`${JSON.stringify(result, null, 2)}\n`);
  else out.write(`${human(result)}\n`);
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

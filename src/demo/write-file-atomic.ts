/**
 * Output files of the demo generator: written to `<name>.tmp`, renamed on success, so a crash
 * never leaves a half-written export. CSV rows are buffered and flushed in chunks, never one big string.
 */
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';

const FLUSH_AT_CHARS = 1 << 20;

/** Quotes a CSV field when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

export interface CsvFileWriter {
  /** Appends one data row; returns the physical line number (1 = header) where the row starts. */
  writeRow(fields: readonly (string | number | null | undefined)[]): number;
  /** Flushes, closes and renames the file into place; returns the number of data rows. */
  close(): number;
}

export function createCsvFileWriter(path: string, header: readonly string[]): CsvFileWriter {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let buffer: string[] = [];
  let bufferedChars = 0;
  let rows = 0;
  let nextLine = 1;
  const flush = (): void => {
    if (buffer.length === 0) return;
    writeSync(fd, buffer.join(''));
    buffer = [];
    bufferedChars = 0;
  };
  const append = (line: string): void => {
    buffer.push(line);
    bufferedChars += line.length;
    nextLine += countNewlines(line);
    if (bufferedChars >= FLUSH_AT_CHARS) flush();
  };
  append(csvLine(header));
  return {
    writeRow(fields) {
      const line = nextLine;
      append(csvLine(fields));
      rows++;
      return line;
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
      return rows;
    },
  };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function writeTextFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

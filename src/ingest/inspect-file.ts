/**
 * Looks at the first bytes of a source file before DuckDB reads it: empty, binary, BOM,
 * and the header record (so a wrong delimiter or a missing column is a clear error, not a parser crash).
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { CsvOptions } from '../config/pipeline-schema.ts';

const PEEK_BYTES = 1 << 20;

export interface FileInspection {
  readonly size: number;
  readonly empty: boolean;
  readonly binary: boolean;
  readonly bom: boolean;
  /** the first non-blank character is `[`: a JSON array rather than JSON lines */
  readonly jsonArray: boolean;
  /** header fields (CSV with header) or generated names column0..N-1 (CSV without header) */
  readonly columns: string[];
  /** how often each common delimiter occurs in the first line, for the wrong-delimiter hint */
  readonly delimiterCounts: Record<string, number>;
}

function peek(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(PEEK_BYTES);
    const n = readSync(fd, buf, 0, PEEK_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Buffer, encoding: CsvOptions['encoding']): string {
  switch (encoding) {
    case 'utf-8':
      return bytes.toString('utf8');
    case 'latin-1':
      return iconv.decode(bytes, 'latin1');
    case 'windows-1252':
      return iconv.decode(bytes, 'win1252');
    case 'utf-16':
      return iconv.decode(bytes, 'utf16');
  }
}

/** Splits the first CSV record of `text` (quotes may hold delimiters and line breaks). */
export function parseFirstRecord(text: string, delimiter: string, quote: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += quote;
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === quote && field.length === 0) inQuotes = true;
    else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      i += delimiter.length - 1;
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Binary content: a NUL byte in the first line, or NUL bytes making more than 1/64 of the sample.
 * A text export may carry a stray NUL inside one value: that row is loaded (and cleaned), not the file refused.
 */
export function looksBinary(sample: Buffer): boolean {
  const firstLineEnd = sample.indexOf(0x0a);
  if ((firstLineEnd < 0 ? sample : sample.subarray(0, firstLineEnd)).includes(0)) return true;
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  return nul * 64 > sample.length;
}

export function inspectFile(file: string, csv: CsvOptions | undefined): FileInspection {
  const size = statSync(file).size;
  const bytes = peek(file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const binary = !utf16 && csv?.encoding !== 'utf-16' && looksBinary(bytes.subarray(0, 8192));
  let columns: string[] = [];
  const delimiterCounts: Record<string, number> = {};
  if (csv !== undefined && size > 0 && !binary) {
    let text = decode(bytes, csv.encoding);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    for (const d of [',', ';', '\t', '|']) delimiterCounts[d] = firstLine.split(d).length - 1;
    const record = parseFirstRecord(text, csv.delimiter, csv.quote);
    columns = csv.header ? record.map((c) => c.trim()) : record.map((_, i) => `column${i}`);
  }
  const jsonArray = /^\s*\[/.test(bytes.subarray(bom ? 3 : 0, 4096).toString('utf8'));
  return { size, empty: size === 0, binary, bom, jsonArray, columns, delimiterCounts };
}

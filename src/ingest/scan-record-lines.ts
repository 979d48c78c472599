/**
 * Where each record of a text file starts, as a physical line number. DuckDB's CSV reader does not say
 * which line an accepted row came from, and its rejects count lines its own way (a line break inside
 * a quoted value does not count, a blank line does). One streaming pass over the bytes, with the same
 * quoting rules as the reader (a quote opens a value only at the start of a field), gives both numbers
 * for every record, so quarantine lines and `_line` point at the line a person sees in an editor.
 */
import { createReadStream } from 'node:fs';

export interface TextDialect {
  /** field delimiter; irrelevant (and may be omitted) when `quote` is undefined */
  readonly delimiter?: string;
  /** quote character; undefined for JSON lines (every non-blank line is a record) */
  readonly quote?: string;
  /** escape character inside quotes; default: the quote itself (doubled quotes) */
  readonly escape?: string;
}

export interface RecordScan {
  /** physical line (1-based) where each record starts, in file order (a header is record 0) */
  readonly starts: number[];
  /** each record's line as DuckDB's rejects table counts it: records and blank lines, not breaks inside quotes */
  readonly readerLines: number[];
  /**
   * The last record opened a quote that never closes: the reader takes the rest of the file as one value.
   * `resumeByte` is where the line after the record's first line begins (undefined: no further line).
   */
  readonly unterminated?: { readonly record: number; readonly resumeByte: number | undefined };
  /**
   * The first record whose quoted value spans lines and is followed by text that is not a delimiter: a stray
   * quote that swallowed the next lines up to some other quote. The reader rejects the whole span as one record.
   */
  readonly strayQuote?: { readonly record: number; readonly resumeByte: number };
  /** records that must not reach the reader, by byte range (end exclusive, line break excluded) */
  readonly badRecords: BadRecord[];
  /** the file holds a carriage return (CR LF or a lone CR): the reader wants one line break, see normalize-records.ts */
  readonly hasCr: boolean;
}

export interface BadRecord {
  readonly record: number;
  readonly startByte: number;
  readonly endByte: number;
  /** longer than maxRecordBytes; or (JSON lines) holding a control character, which JSON forbids unescaped */
  readonly kind: 'too_large' | 'control_character';
}

export interface ScanLimits {
  /** a record longer than this many bytes is reported in badRecords */
  readonly maxRecordBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

function singleByte(ch: string | undefined, what: string): number | undefined {
  if (ch === undefined) return undefined;
  const bytes = Buffer.from(ch, 'utf8');
  if (bytes.length !== 1) throw new Error(`${what} must be a single-byte character to track line numbers: ${JSON.stringify(ch)}`);
  return bytes[0];
}

/** Scans `path` from byte `startByte`; line numbers are counted from `firstLine`. */
export async function scanRecordLines(path: string, dialect: TextDialect, startByte = 0, firstLine = 1, limits: ScanLimits = {}): Promise<RecordScan> {
  const maxBytes = limits.maxRecordBytes ?? Number.POSITIVE_INFINITY;
  const quote = singleByte(dialect.quote, 'quote');
  const escape = quote === undefined ? undefined : (singleByte(dialect.escape, 'escape') ?? quote);
  const delim = quote === undefined ? Buffer.alloc(0) : Buffer.from(dialect.delimiter ?? ',', 'utf8');
  const delimLast = delim.length === 0 ? -1 : (delim[delim.length - 1] as number);
  const starts: number[] = [];
  const readerLines: number[] = [];
  let line = firstLine;
  let readerLine = 0;
  let inRecord = false;
  let fieldStart = true;
  let inQuotes = false;
  /** just saw a quote that closed a value: a second quote right after it is an escaped quote (when escape = quote) */
  let closedQuote = false;
  let escaped = false;
  let pendingCr = false;
  let recordFirstBreak: number | undefined;
  let strayQuote: RecordScan['strayQuote'];
  /** a quote closed a value and only spaces followed so far */
  let afterClose = false;
  const recent: number[] = [];
  let offset = startByte;
  const badRecords: BadRecord[] = [];
  let hasCr = false;
  let recordStartByte = 0;
  /** JSON lines: the current record holds a control character */
  let control = false;
  const endRecord = (endByte: number): void => {
    const tooLarge = endByte - recordStartByte > maxBytes;
    if (tooLarge || control) badRecords.push({ record: starts.length - 1, startByte: recordStartByte, endByte, kind: tooLarge ? 'too_large' : 'control_character' });
    control = false;
  };

  const lineBreak = (atByte: number, afterByte: number): void => {
    if (inRecord && recordFirstBreak === undefined) recordFirstBreak = afterByte;
    line++;
    recent.length = 0;
    if (!inQuotes) {
      if (!inRecord) readerLine++; // a blank line: the reader counts it, it is no record
      else endRecord(atByte);
      inRecord = false;
      fieldStart = true;
      closedQuote = false;
      afterClose = false;
    }
  };

  for await (const chunk of createReadStream(path, { start: startByte })) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i] as number;
      const at = offset + i;
      if (pendingCr) {
        pendingCr = false;
        if (b === LF) {
          if (recordFirstBreak === at) recordFirstBreak = at + 1; // CR at the end of a chunk, its LF in the next
          continue; // CR LF is one break, already counted at the CR
        }
      }
      if (b === LF || b === CR) {
        if (escaped) escaped = false;
        if (b === CR) {
          pendingCr = true;
          hasCr = true;
        }
        const next = b === CR && buf[i + 1] === LF ? at + 2 : at + 1;
        lineBreak(at, next);
        continue;
      }
      if (!inRecord) {
        inRecord = true;
        readerLine++;
        starts.push(line);
        readerLines.push(readerLine);
        recordFirstBreak = undefined;
        recordStartByte = at;
      }
      if (quote === undefined) {
        if (b < SPACE && b !== TAB) control = true;
        continue;
      }
      if (inQuotes) {
        if (escaped) escaped = false;
        else if (b === escape && escape !== quote) escaped = true;
        else if (b === quote) {
          inQuotes = false;
          closedQuote = true;
          afterClose = true;
        }
        continue;
      }
      if (b === quote && closedQuote && escape === quote) {
        inQuotes = true; // "" inside a quoted value
        closedQuote = false;
        afterClose = false;
        continue;
      }
      if (afterClose && b !== SPACE && b !== TAB) {
        // text after a closing quote other than spaces and the delimiter: the reader rejects the record
        if (b !== (delim[0] as number) && strayQuote === undefined && recordFirstBreak !== undefined) strayQuote = { record: starts.length - 1, resumeByte: recordFirstBreak };
        afterClose = false;
      }
      closedQuote = false;
      if (b === quote && fieldStart) {
        inQuotes = true;
        fieldStart = false;
        continue;
      }
      if (b === delimLast && endsWithDelimiter(recent, b, delim)) fieldStart = true;
      else fieldStart = false;
      if (delim.length > 1) {
        recent.push(b);
        if (recent.length > delim.length) recent.shift();
      }
    }
    offset += buf.length;
  }
  const stray = strayQuote === undefined ? {} : { strayQuote };
  // the last record, without a line break (an unterminated quote is no record size: its lines are read again)
  if (inRecord && !inQuotes) endRecord(offset);
  if (inQuotes && starts.length > 0) {
    const resumeByte = recordFirstBreak !== undefined && recordFirstBreak < offset ? recordFirstBreak : undefined;
    return { starts, readerLines, unterminated: { record: starts.length - 1, resumeByte }, ...stray, badRecords, hasCr };
  }
  return { starts, readerLines, ...stray, badRecords, hasCr };
}

function endsWithDelimiter(recent: readonly number[], b: number, delim: Buffer): boolean {
  if (delim.length === 1) return true;
  for (let j = 0; j < delim.length - 1; j++) if (recent[recent.length - (delim.length - 1) + j] !== delim[j]) return false;
  return b === delim[delim.length - 1];
}

/**
 * A copy of a text source that DuckDB's reader can take whole, with the same physical lines: every line
 * break (CR LF, a lone CR) becomes LF, and each record it must not see (too large, or a JSON line holding
 * a control character) becomes as many empty lines as it spanned, so the lines after it keep their numbers.
 * The records taken out are returned with their first bytes, to be quarantined: none is lost.
 */
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { once } from 'node:events';
import type { BadRecord } from './scan-record-lines.ts';

const LF = 0x0a;
const CR = 0x0d;
const LF_BYTE = Buffer.from([LF]);
/** bytes of a record taken out that are kept as its raw copy */
export const RAW_COPY_BYTES = 2000;

export interface RemovedRecord extends BadRecord {
  /** its first RAW_COPY_BYTES bytes (line breaks included), as text */
  readonly raw: string;
  readonly bytes: number;
}

function rawCopy(path: string, start: number, end: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(RAW_COPY_BYTES, end - start));
    const n = readSync(fd, buf, 0, buf.length, start);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Writes the normalized copy of `path` to `target`; `bad` ranges are sorted by start byte. */
export async function normalizeRecords(path: string, bad: readonly BadRecord[], target: string): Promise<RemovedRecord[]> {
  const out = createWriteStream(target);
  let next = 0; // index into bad
  let pendingCr = false;
  let offset = 0;
  const write = async (b: Buffer): Promise<void> => {
    if (b.length > 0 && !out.write(b)) await once(out, 'drain');
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let plainFrom = 0;
    const pieces: Buffer[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      const at = offset + i;
      while (next < bad.length && (bad[next] as BadRecord).endByte <= at) next++;
      const range = bad[next];
      const inBad = range !== undefined && at >= range.startByte && at < range.endByte;
      if (pendingCr) {
        pendingCr = false;
        if (b === LF) {
          if (i > plainFrom) pieces.push(chunk.subarray(plainFrom, i));
          plainFrom = i + 1; // CR LF: the LF was written at the CR
          continue;
        }
      }
      if (b === CR || inBad) {
        if (i > plainFrom) pieces.push(chunk.subarray(plainFrom, i));
        plainFrom = i + 1;
        pendingCr = b === CR;
        if (b === CR || b === LF) pieces.push(LF_BYTE);
      }
    }
    pieces.push(chunk.subarray(plainFrom));
    await write(Buffer.concat(pieces));
    offset += chunk.length;
  }
  out.end();
  await once(out, 'finish');
  return bad.map((r) => ({ ...r, bytes: r.endByte - r.startByte, raw: rawCopy(path, r.startByte, r.endByte) }));
}

/**
 * Physical lines of a file, counted with the native byte search (no per-character JavaScript loop):
 * a last line without a line break counts too. Also the longest line in bytes (line break included), so a
 * file with a record too large for the reader is never taken by the quick path.
 */
import { createReadStream } from 'node:fs';

export async function countLines(path: string): Promise<{ lines: number; longestLine: number }> {
  let lines = 0;
  let last = -1;
  let lineStart = 0;
  let longestLine = 0;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(0x0a);
    while (i !== -1) {
      lines++;
      longestLine = Math.max(longestLine, offset + i + 1 - lineStart);
      lineStart = offset + i + 1;
      i = chunk.indexOf(0x0a, i + 1);
    }
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
    offset += chunk.length;
  }
  longestLine = Math.max(longestLine, offset - lineStart);
  return { lines: last !== -1 && last !== 0x0a ? lines + 1 : lines, longestLine };
}

/**
 * Windows-1252 is not one of DuckDB's built-in CSV encodings: such files are streamed
 * through iconv-lite into a UTF-8 copy (a byte stream, not a per-row loop) before loading.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

export async function transcodeToUtf8(file: string, encoding: 'windows-1252', target: string): Promise<string> {
  await pipeline(createReadStream(file), iconv.decodeStream(encoding === 'windows-1252' ? 'win1252' : encoding), iconv.encodeStream('utf8'), createWriteStream(target));
  return target;
}

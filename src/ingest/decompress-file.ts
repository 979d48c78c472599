/**
 * gzip-compressed text sources (`.csv.gz`, `.jsonl.gz`, recognised by their magic bytes) are decompressed
 * into the run's scratch folder, so the record scans, the line numbers and DuckDB's reader all see the text.
 * zstd is recognised and refused clearly (Node 20 has no zstd decoder; DuckDB's CSV reader would not report lines).
 */
import { createReadStream, createWriteStream, mkdirSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { SourceFileError } from '../run/errors.ts';
import { sourceFileProblem } from './messages.ts';

function magic(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    return buf.subarray(0, readSync(fd, buf, 0, 4, 0));
  } finally {
    closeSync(fd);
  }
}

/** The path to read: `file` itself, or its decompressed copy at `target`. */
export async function decompressedCopy(source: string, file: string, target: string): Promise<string> {
  const head = magic(file);
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) throw new SourceFileError(source, file, sourceFileProblem.compressed('zstd'));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return file;
  mkdirSync(dirname(target), { recursive: true });
  try {
    await streamPipeline(createReadStream(file), createGunzip(), createWriteStream(target));
  } catch (e) {
    throw new SourceFileError(source, file, sourceFileProblem.unreadable(`gzip: ${(e as Error).message}`));
  }
  return target;
}

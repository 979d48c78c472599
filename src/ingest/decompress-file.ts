/**
 * gzip- and zstd-compressed text sources (`.csv.gz`, `.jsonl.zst`, …, recognised by their magic bytes) are
 * decompressed into the run's scratch folder, so the record scans, the line numbers and DuckDB's reader
 * all see the text. gzip by Node's zlib; zstd by fzstd (Node 20's zlib has no zstd), streamed chunk by chunk.
 */
import { createReadStream, createWriteStream, mkdirSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
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

/** A zstd decoder as a stream: fzstd's streaming Decompress, which also checks the frame is complete. */
function createZstdDecompress(): Transform {
  let out: Transform | undefined;
  const decoder = new Decompress((chunk) => void out?.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  out = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      try {
        decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback): void {
      try {
        decoder.push(new Uint8Array(0), true);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  return out;
}

const isZstd = (head: Buffer): boolean => head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd;
const isGzip = (head: Buffer): boolean => head[0] === 0x1f && head[1] === 0x8b;
/** Compressions recognised but not read: named in the error rather than called binary. */
function unreadKind(head: Buffer): string | undefined {
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  if (head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58) return 'xz';
  return undefined;
}

/** The path to read: `file` itself, or its decompressed copy at `target`. */
export async function decompressedCopy(source: string, file: string, target: string): Promise<string> {
  const head = magic(file);
  const other = unreadKind(head);
  if (other !== undefined) throw new SourceFileError(source, file, sourceFileProblem.compressed(other));
  const kind = isZstd(head) ? 'zstd' : isGzip(head) ? 'gzip' : undefined;
  if (kind === undefined) return file;
  mkdirSync(dirname(target), { recursive: true });
  try {
    await streamPipeline(createReadStream(file), kind === 'zstd' ? createZstdDecompress() : createGunzip(), createWriteStream(target));
  } catch (e) {
    throw new SourceFileError(source, file, sourceFileProblem.unreadable(`${kind}: ${(e as Error).message}`));
  }
  return target;
}

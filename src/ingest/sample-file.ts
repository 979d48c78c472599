/**
 * The head of a source file for `ecoute validate --sample N`: the header and the first N lines of a CSV or
 * JSON-lines file, or the first N rows of a Parquet file, copied into the scratch folder. A CSV record that
 * spans lines and is cut at line N shows as one unparseable row in the sample (not in a run).
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const CHUNK = 1 << 20;

/** Bytes of the file up to and including its `lines`-th newline (the whole file when it has fewer). */
function headBytes(path: string, lines: number): Buffer {
  const fd = openSync(path, 'r');
  const parts: Buffer[] = [];
  try {
    let seen = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      let at = -1;
      for (let i = 0; i < n; i++) {
        if (chunk[i] === 0x0a && ++seen === lines) {
          at = i;
          break;
        }
      }
      parts.push(chunk.subarray(0, at >= 0 ? at + 1 : n));
      if (at >= 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(parts);
}

export async function sampleFile(conn: DuckDBConnection, path: string, format: string, rows: number, headerLines: number, workDir: string, fileId: number): Promise<string> {
  const target = join(workDir, `sample-${fileId}-${basename(path)}`);
  if (format === 'parquet') {
    await conn.run('COPY (SELECT * FROM read_parquet($path) LIMIT $rows) TO $target (FORMAT parquet)', { path, rows, target });
  } else {
    writeFileSync(target, headBytes(path, rows + headerLines));
  }
  return target;
}

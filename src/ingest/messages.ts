/**
 * Every message about a whole source file, in one place (tests compare against these builders).
 */
export const sourceFileProblem = {
  empty: (): string => 'file is empty (0 bytes): no rows read',
  binary: (): string => 'not a text file (binary content found in the first 8 kB); check the path and the format',
  bomRemoved: (): string => 'UTF-8 byte-order mark at the start of the file was ignored',
  noFiles: (baseDir: string): string => `no file matches this path or glob (relative to ${baseDir})`,
  missingColumns: (missing: readonly string[], found: readonly string[]): string =>
    `column${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')} not found; the file has ${found.length} column${found.length === 1 ? '' : 's'}: ${found
      .slice(0, 30)
      .map((f) => JSON.stringify(f))
      .join(', ')}${found.length > 30 ? ', ...' : ''}`,
  delimiterHint: (delimiter: string, counts: Record<string, number>): string => {
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    if (best === undefined || best[1] === 0 || best[0] === delimiter) return '';
    const name = best[0] === '\t' ? 'tab' : JSON.stringify(best[0]);
    return ` — the header contains ${best[1]} × ${name} and the configured delimiter is ${JSON.stringify(delimiter)}: set csv.delimiter to ${name}?`;
  },
  duplicateHeader: (groups: readonly (readonly string[])[]): string =>
    `the header names the same column more than once (names are compared ignoring case): ${groups.map((g) => g.map((c) => JSON.stringify(c)).join(' and ')).join('; ')}; rename or remove the copies`,
  jsonArray: (): string =>
    'is a JSON array ([...]), not JSON lines (one object per line): convert it, e.g. with jq -c ".[]" file.json > file.jsonl',
  compressed: (kind: string): string => `${kind}-compressed, which ecoute does not read: decompress it first (gzip .gz and zstd .zst files are read)`,
  notAnExport: (source: string, records: number, topReason: string): string =>
    `this does not look like a ${source} export: none of its ${records} records has the shape of one (most common problem: ${topReason}); check the path, the delimiter and the column mapping. Nothing of it was copied into the outputs`,
  unreadable: (reason: string): string => `cannot be read: ${reason.split('\n').slice(0, 3).join(' ')}`,
};

/** Every message about one record of a source file. */
export const recordProblem = {
  tooLarge: (bytes: number, max: number): string => `record of ${bytes.toLocaleString('en-US')} bytes is longer than settings.max_record_bytes (${max.toLocaleString('en-US')}); raw keeps its first bytes`,
  controlCharacter: (): string => 'line holds a control character (JSON allows none unescaped)',
  countMismatch: (file: string, fromLine: number, scanned: number, staged: number, rejected: number): string =>
    `internal error: ${file} from line ${fromLine}: the record scan found ${scanned} records but the reader gave ${staged} + ${rejected} rejected; nothing was loaded rather than a wrong total`,
};

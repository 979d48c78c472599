import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCsvFileWriter, csvField } from '../../src/demo/write-file-atomic.ts';
import { parseCsv } from './read-demo-csv.ts';

describe('CSV output', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('writes to a .tmp file, renames on close and reports physical start lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-csv-'));
    try {
      const path = join(dir, 'x.csv');
      const w = createCsvFileWriter(path, ['id', 'text']);
      expect(existsSync(`${path}.tmp`)).toBe(true);
      expect(existsSync(path)).toBe(false);
      expect(w.writeRow(['1', 'hello'])).toBe(2);
      expect(w.writeRow(['2', 'multi\nline, "quoted"'])).toBe(3);
      expect(w.writeRow(['3', 'after'])).toBe(5);
      expect(w.close()).toBe(3);
      expect(existsSync(`${path}.tmp`)).toBe(false);
      const parsed = parseCsv(readFileSync(path, 'utf8'));
      expect(parsed.records.map((r) => [r.line, r.values.text])).toEqual([[2, 'hello'], [3, 'multi\nline, "quoted"'], [5, 'after']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

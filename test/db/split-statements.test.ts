import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/db/sql-file.ts';

describe('splitStatements', () => {
  it('splits after a semicolon ending a line of code and drops comment-only pieces', () => {
    expect(splitStatements('SELECT 1;\n-- note\nSELECT 2;\n-- trailing comment\n')).toEqual(['SELECT 1', '-- note\nSELECT 2']);
  });

  it('does not split at a semicolon ending a comment line', () => {
    const text = 'SELECT a,\n  -- a comment that ends with a semicolon;\n  b\nFROM t;\nSELECT 3;';
    expect(splitStatements(text)).toEqual(['SELECT a,\n  -- a comment that ends with a semicolon;\n  b\nFROM t', 'SELECT 3']);
  });

  it('keeps a semicolon inside a line and a last statement without one', () => {
    expect(splitStatements("SELECT ';' AS s; \r\nSELECT 4")).toEqual(["SELECT ';' AS s", 'SELECT 4']);
  });
});

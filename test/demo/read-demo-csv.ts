/**
 * Test helper: an independent RFC 4180 reader (quoted fields, doubled quotes, line breaks inside
 * quotes) that also reports the physical line each record starts on, to check the generator's output.
 */
import { readFileSync } from 'node:fs';

export interface CsvRecord {
  readonly line: number;
  readonly values: Record<string, string>;
}

export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (inQuotes) throw new Error('unterminated quote');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  const [head, ...data] = rows;
  if (head === undefined) throw new Error('empty file');
  const records = data.map((r) => {
    if (r.fields.length !== head.fields.length) throw new Error(`line ${r.line}: ${r.fields.length} fields, expected ${head.fields.length}`);
    return { line: r.line, values: Object.fromEntries(head.fields.map((h, i) => [h, r.fields[i] ?? ''])) };
  });
  return { header: head.fields, records };
}

export function readCsv(path: string): { header: string[]; records: CsvRecord[] } {
  return parseCsv(readFileSync(path, 'utf8'));
}

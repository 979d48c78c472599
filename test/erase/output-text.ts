/**
 * Everything an output folder says, as text, to search for personal data: text files as they are,
 * Parquet files (compressed) read back row by row, DuckDB files both as raw bytes and table by table
 * (their strings are compressed too, so a byte search alone would prove nothing).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';

export interface FileText {
  readonly path: string;
  readonly text: string;
}

const json = (rows: unknown): string => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

async function parquetText(path: string): Promise<string> {
  const db = await openDatabase();
  try {
    return json((await db.connection.runAndReadAll('SELECT * FROM read_parquet($path)', { path })).getRowObjectsJson());
  } finally {
    db.close();
  }
}

async function duckdbText(path: string): Promise<string> {
  const db = await openDatabase();
  try {
    await db.connection.run(`ATTACH '${path.replaceAll("'", "''")}' AS f (READ_ONLY)`);
    const tables = (await db.connection.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'f' AND table_type = 'BASE TABLE' ORDER BY 1")).getRows().map((r) => String(r[0]));
    const parts = [readFileSync(path).toString('latin1')];
    for (const t of tables) parts.push(json((await db.connection.runAndReadAll(`SELECT * FROM f."${t.replaceAll('"', '""')}"`)).getRowObjectsJson()));
    return parts.join('\n');
  } finally {
    db.close();
  }
}

/** Every real file under `dir` (the fixed links of the output folder point at files listed under runs/ already). */
export async function outputTexts(dir: string): Promise<FileText[]> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((n) => join(dir, n)).filter((p) => lstatSync(p).isFile()).sort();
  const out: FileText[] = [];
  for (const path of files) {
    if (path.endsWith('.parquet')) out.push({ path, text: await parquetText(path) });
    else if (path.endsWith('.duckdb')) out.push({ path, text: await duckdbText(path) });
    else out.push({ path, text: readFileSync(path).toString('utf8') });
  }
  return out;
}

/** `[file, needle]` for every needle some file holds. */
export function findings(texts: readonly FileText[], needles: readonly string[], root: string): Array<[string, string]> {
  return texts.flatMap((f) => needles.filter((n) => f.text.includes(n)).map((n): [string, string] => [f.path.slice(root.length + 1), n]));
}

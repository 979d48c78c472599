/**
 * Columns of a file header that name the same column: equal or equal but for case (DuckDB, like the column
 * mapping, matches names case-insensitively, so `nps` and `NPS` would silently pick one of the two).
 * Empty names are not compared (they cannot be mapped).
 */
export function duplicateColumns(columns: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const c of columns) {
    if (c.length === 0) continue;
    const key = c.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Top-level column names of a Parquet file from `parquet_schema()` rows (name, num_children), in file order. */
export function parquetTopLevelNames(rows: ReadonlyArray<{ name: string; children: number }>): string[] {
  const names: string[] = [];
  let i = 1; // row 0 is the schema root
  const skip = (): void => {
    const row = rows[i++];
    for (let k = 0; k < (row?.children ?? 0); k++) skip();
  };
  while (i < rows.length) {
    const row = rows[i] as { name: string; children: number };
    names.push(row.name);
    skip();
  }
  return names;
}

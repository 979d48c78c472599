/**
 * How `settings.memory_limit` is split between DuckDB and the rest of the process. The limit bounds the
 * whole run (DuckDB plus JavaScript), but DuckDB's own limit counts only its buffer pool: its other
 * allocations, the JavaScript heap (chunks of rows being classified, a topic model's clauses, chart rows)
 * and Node itself come on top. DuckDB is therefore given DUCKDB_MEMORY_SHARE of the limit and spills past
 * it; the rest is left to everything else, which reads its rows in chunks instead of holding them.
 *
 * **Example:**
 * ```ts
 * duckdbMemoryLimit('512MB'); // '307200KB' (60 % of 512 MB; DuckDB reports it as 292.9 MiB)
 * ```
 */

/** DuckDB's part of settings.memory_limit (measured: 2,000,000 responses at 512MB peak under 1 GB, see README). */
export const DUCKDB_MEMORY_SHARE = 0.6;

/** Bytes per unit as DuckDB reads them: KB, MB, … are powers of 1000, KiB, MiB, … powers of 1024. */
const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a size such as '512MB' or '4 GiB' (the form settings.memory_limit accepts). */
export function parseMemorySize(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim());
  const unit = m === null ? undefined : UNIT_BYTES[m[2]!.toLowerCase()];
  if (m === null || unit === undefined) throw new Error(`expected a size such as 4GB or 512MB, got "${size}"`);
  return Number(m[1]) * unit;
}

/** DuckDB's memory limit for a run whose whole process is given `limit`, in whole KB. */
export function duckdbMemoryLimit(limit: string): string {
  return `${Math.max(1, Math.floor((parseMemorySize(limit) * DUCKDB_MEMORY_SHARE) / 1000))}KB`;
}

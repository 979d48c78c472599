/**
 * `settings.memory_limit` is the memory of the whole run (DuckDB + JavaScript). DuckDB's own limit only bounds
 * its buffer pool: its allocations outside the pool, Node and the JavaScript heap come on top. So DuckDB gets a
 * share of the setting (DUCKDB_MEMORY_SHARE), the rest is left to the process around it.
 *
 * Example: `duckdbMemoryLimit('512MB')` → `'358400KB'` (70 % of 512,000 KB; DuckDB reports it as 341.7 MiB).
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseLimits } from './open-database.ts';

/**
 * DuckDB's part of settings.memory_limit. At 2,000,000 responses / 512MB (README, Benchmarks) every phase runs at 70 %;
 * at 60 % (293 MiB) the call-back items of the visuals ran out of memory.
 */
export const DUCKDB_MEMORY_SHARE = 0.7;

/**
 * The JavaScript heap's part of settings.memory_limit: `ecoute run` runs the pipeline in a worker thread whose
 * old generation is capped at this share (at least JS_HEAP_MIN_MB), so V8 collects its garbage instead of letting
 * the heap grow to its default of a quarter of RAM. At 2,000,000 responses / 512MB (README, Benchmarks) the
 * uncapped heap held 250 MB of garbage at its peak; capped at 256 MiB in the worker the run's peak RSS fell from 1,173 to 945 MB (927 on a second run).
 */
export const JS_HEAP_SHARE = 0.5;
export const JS_HEAP_MIN_MB = 256;

/** a size as settings.memory_limit accepts it */
export const MEMORY_SIZE_PATTERN = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

const UNITS: Readonly<Record<string, number>> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

/** Bytes of a size as settings.memory_limit accepts it ('4GB', '512MB', '1.5 GiB'; MB = 10^6 bytes, MiB = 2^20, as DuckDB reads them). */
export function parseMemorySize(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim());
  const unit = m === null ? undefined : UNITS[m[2]!.toLowerCase()];
  if (m === null || unit === undefined) throw new RangeError(`expected a size such as 4GB or 512MB, got ${JSON.stringify(size)}`);
  return Number(m[1]) * unit;
}

/** DuckDB's memory_limit for a run whose settings.memory_limit is `size`: DUCKDB_MEMORY_SHARE of it, in whole KB. */
export function duckdbMemoryLimit(size: string, share: number = DUCKDB_MEMORY_SHARE): string {
  return `${Math.floor((parseMemorySize(size) * share) / 1000)}KB`;
}

/** The JavaScript heap cap (old generation, MiB) of a run whose settings.memory_limit is `size`: JS_HEAP_SHARE of it, at least JS_HEAP_MIN_MB. */
export function jsHeapLimitMb(size: string): number {
  return Math.max(JS_HEAP_MIN_MB, Math.floor((parseMemorySize(size) * JS_HEAP_SHARE) / 2 ** 20));
}

/** The run's settings that bound its memory, as run-summary.json records them (null: DuckDB's default). */
export interface ResourceSettings {
  readonly memoryLimit: string | null;
  readonly threads: number | null;
}

/** a run recorded before its resource settings were: DuckDB's defaults */
export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = Object.freeze({ memoryLimit: null, threads: null });

/**
 * A spill folder for a command that reads a run outside it (its night folder is published, not scratch):
 * a new path under the system's temp folder, which DuckDB creates only when it spills and removes at close.
 */
export function scratchSpillDirectory(): string {
  return join(tmpdir(), `ecoute-duckdb-spill-${process.pid}-${randomUUID().slice(0, 8)}`);
}

/**
 * DuckDB limits of a run whose settings are `settings` (its share of memory_limit, threads) with `tempDirectory`
 * as its spill folder: the run itself, and the commands that read a run later (report, dashboard, notebook, notify).
 */
export function runDatabaseLimits(settings: ResourceSettings, tempDirectory: string): DatabaseLimits {
  return {
    ...(settings.memoryLimit !== null ? { memoryLimit: duckdbMemoryLimit(settings.memoryLimit) } : {}),
    ...(settings.threads !== null ? { threads: settings.threads } : {}),
    tempDirectory,
  };
}

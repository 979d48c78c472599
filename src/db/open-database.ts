/**
 * Opens a DuckDB database (file-backed or in-memory) with ecoute's settings:
 * no extension auto-install (offline machines; a failed install costs 500 ms), a pinned time zone,
 * and the run's memory and thread limits when the pipeline sets them.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Database {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
  close(): void;
}

/** Resource limits of a run (`settings.memory_limit`, `settings.threads`); DuckDB's defaults where absent. */
export interface DatabaseLimits {
  /** e.g. '4GB': past it DuckDB spills to `tempDirectory` (default `<database>.tmp/`) */
  readonly memoryLimit?: string | undefined;
  /** where DuckDB spills what does not fit in memoryLimit (a run gives its staging folder's `.work/`) */
  readonly tempDirectory?: string | undefined;
  readonly threads?: number | undefined;
  /** open a published database read-only (its files are read-only; no write-ahead log is created) */
  readonly readOnly?: boolean;
}

/**
 * With a memory limit, DuckDB's allocator (jemalloc) hands freed memory back to the system soon: by default
 * it keeps up to 128 MiB a thread after each task and 512 MiB after a bulk free, which is resident memory
 * beyond the limit (at 2,000,000 responses / 512MB the ingest phase's peak RSS fell from ~1,000 to ~820 MB).
 */
const BOUNDED_ALLOCATOR = { allocator_flush_threshold: '8MB', allocator_bulk_deallocation_flush_threshold: '32MB', allocator_background_threads: 'true' } as const;

export async function openDatabase(path: string = ':memory:', limits: DatabaseLimits = {}): Promise<Database> {
  const options: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true' };
  if (limits.memoryLimit !== undefined) Object.assign(options, { memory_limit: limits.memoryLimit, ...BOUNDED_ALLOCATOR });
  if (limits.tempDirectory !== undefined) options.temp_directory = limits.tempDirectory;
  if (limits.threads !== undefined) options.threads = String(limits.threads);
  if (limits.readOnly === true) options.access_mode = 'READ_ONLY';
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  let open = true;
  return {
    instance,
    connection,
    close: () => {
      if (!open) return;
      open = false;
      connection.closeSync();
      instance.closeSync();
    },
  };
}

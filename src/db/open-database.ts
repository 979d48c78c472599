/**
 * Opens a DuckDB database (file-backed or in-memory) with ecoute's settings:
 * no extension auto-install (offline machines; a failed install costs 500 ms), a pinned time zone.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Database {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string = ':memory:'): Promise<Database> {
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
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

/**
 * Rewrites a DuckDB file into a fresh file that holds only its live rows. DELETE marks rows deleted and a
 * CHECKPOINT frees their blocks, but freed blocks stay in the file (and VACUUM does not shrink it), so an
 * erased verbatim could still be read from the bytes: the database is copied (COPY FROM DATABASE) into a
 * new file, which is renamed over the old one. Temporary objects (macros, views) are not copied.
 */
import { renameSync, rmSync } from 'node:fs';
import { openDatabase, type DatabaseLimits } from '../db/open-database.ts';
import { quoteIdentifier } from '../db/quote-identifier.ts';

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** `limits`: the run's DuckDB limits when a run rewrites its own database (settings.memory_limit, threads) */
export async function rewriteDatabase(path: string, limits: DatabaseLimits = {}): Promise<void> {
  const tmp = `${path}.rewrite`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const db = await openDatabase(path, limits);
  try {
    const name = String((await db.connection.runAndReadAll('SELECT current_database()')).getRows()[0]?.[0]);
    // ATTACH takes no bound parameters: the path is quoted as a string literal
    await db.connection.run(`ATTACH ${sqlString(tmp)} AS ecoute_rewrite`);
    await db.connection.run(`COPY FROM DATABASE ${quoteIdentifier(name)} TO ecoute_rewrite`);
    await db.connection.run('DETACH ecoute_rewrite');
  } catch (e) {
    db.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw e;
  }
  db.close();
  renameSync(tmp, path);
  rmSync(`${path}.wal`, { force: true });
}

/**
 * A run starts from a copy of the published night's database: its caches (classified texts) spare
 * the work already done. The copy is made only from bytes ecoute published: the database must match
 * the night's manifest (a session that altered it makes the run start from an empty database), and
 * it is copied while a read-only DuckDB instance holds it, so no read-write session can change it
 * during the copy. A write-ahead log beside it (a session that was killed or is still open) is never
 * copied: the new database is opened in a fresh folder, with no log beside it.
 */
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isUnchanged, readNightManifest } from './freeze-night.ts';

export interface PreviousDatabase {
  /** the copy was made */
  readonly reused: boolean;
  /** why not, when it was not and a published night exists */
  readonly notice?: string;
}

export async function copyPreviousDatabase(nightDir: string | undefined, databaseFile: string, target: string): Promise<PreviousDatabase> {
  if (nightDir === undefined) return { reused: false };
  const source = join(nightDir, databaseFile);
  if (!existsSync(source)) return { reused: false };
  const manifest = readNightManifest(nightDir);
  if (manifest === undefined || !(await isUnchanged(nightDir, databaseFile, manifest))) {
    return { reused: false, notice: `${source} was changed after it was published (or has no manifest): not reused, the run starts from an empty database` };
  }
  let holder: DuckDBInstance;
  try {
    holder = await DuckDBInstance.create(source, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false' });
  } catch (e) {
    return { reused: false, notice: `${source} cannot be opened read-only (${(e as Error).message.split('\n')[0]}): not reused, the run starts from an empty database` };
  }
  try {
    // the manifest check again, now that no read-write session can open the file
    if (!(await isUnchanged(nightDir, databaseFile, manifest))) {
      return { reused: false, notice: `${source} was changed after it was published: not reused, the run starts from an empty database` };
    }
    copyFileSync(source, target);
    chmodSync(target, 0o644);
    return { reused: true };
  } finally {
    holder.closeSync();
  }
}

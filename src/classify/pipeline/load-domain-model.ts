/**
 * A domain model for `ecoute classify|eval --domain-model`: the cross-fitted set a run stored in its
 * database (`<run-dir>/ecoute.duckdb`), or a JSON file written by `ecoute sentiment export-domain`
 * (a DomainModelSet or a single DomainModel). Every problem names the path it comes from.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../db/open-database.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import { parseDomainModelFile, type DomainModelSet } from '../embedded/domain-model-set.ts';
import { DomainModelError, type DomainModel } from '../embedded/domain-model.ts';
import { pathExists } from '../../util/path-exists.ts';
import { writeFileAtomic } from '../../report/atomic-write.ts';

const DATABASE_FILE = 'ecoute.duckdb';

function parseJson(path: string, text: string): DomainModelSet | DomainModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainModelError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseDomainModelFile(json);
  } catch (error) {
    throw new DomainModelError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readStoredSet(runDir: string): Promise<string> {
  const dbPath = join(runDir, DATABASE_FILE);
  if (!(await pathExists(dbPath))) throw new DomainModelError(`${runDir}: not a run folder (no ${DATABASE_FILE})`);
  const db = await openDatabase(dbPath);
  try {
    const tables = await db.connection.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'classify_domain_model'");
    const [stored] = Number(tables.getRows()[0]?.[0] ?? 0) === 0 ? [] : await querySqlFile(db.connection, 'classify/select-domain-model');
    if (stored === undefined) throw new DomainModelError(`${dbPath}: the run stored no domain model (domain_adaptation off, skipped, or a transformer sentiment engine)`);
    return String(stored.model);
  } finally {
    db.close();
  }
}

export async function loadDomainModel(path: string): Promise<DomainModelSet | DomainModel> {
  if (!(await pathExists(path))) throw new DomainModelError(`${path}: no such file or run folder`);
  if ((await stat(path)).isDirectory()) return parseJson(join(path, DATABASE_FILE), await readStoredSet(path));
  return parseJson(path, await readFile(path, 'utf8'));
}

/** Writes a run's domain model set to a JSON file; returns what was written. */
export async function exportDomainModel(runDir: string, outFile: string): Promise<{ readonly out: string; readonly models: number; readonly outOfFold?: DomainModelSet['outOfFold'] }> {
  const model = await loadDomainModel(runDir);
  await writeFileAtomic(outFile, `${JSON.stringify(model)}\n`);
  return 'models' in model ? { out: outFile, models: model.models.length, outOfFold: model.outOfFold } : { out: outFile, models: 1 };
}

/** Versions recorded in every run summary (what produced these numbers). */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface Versions {
  readonly ecoute: string;
  readonly duckdb: string;
  readonly node: string;
}

export function ecouteVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function versions(conn: DuckDBConnection): Promise<Versions> {
  const reader = await conn.runAndReadAll('SELECT version() AS v');
  return { ecoute: ecouteVersion(), duckdb: String(reader.getRowObjectsJson()[0]?.v ?? 'unknown'), node: process.versions.node };
}

/** Reads and rewrites the `theme_candidates` table (sql/classify/*theme-candidates*.sql). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Language } from '../classifier-types.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import type { Representative } from './cluster-clauses.ts';
import type { StoredCandidate } from './reconcile-candidates.ts';

export async function ensureThemeCandidates(conn: DuckDBConnection): Promise<void> {
  await runSqlFile(conn, 'classify/create-theme-candidates');
}

export async function loadThemeCandidates(conn: DuckDBConnection): Promise<StoredCandidate[]> {
  await ensureThemeCandidates(conn);
  const rows = await querySqlFile(conn, 'classify/select-theme-candidates');
  return rows.map((r) => ({
    candidateId: String(r.candidate_id),
    topTerms: JSON.parse(String(r.top_terms)) as string[],
    surfaceTerms: JSON.parse(String(r.surface_terms)) as string[],
    centroid: JSON.parse(String(r.centroid)) as Record<string, number>,
    size: Number(r.size),
    cohesion: Number(r.cohesion),
    language: String(r.language) as Language,
    representatives: JSON.parse(String(r.representatives)) as Representative[],
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
    runs: Number(r.runs),
  }));
}

/** Replaces the table's content in one transaction. */
export async function saveThemeCandidates(conn: DuckDBConnection, candidates: readonly StoredCandidate[]): Promise<void> {
  await ensureThemeCandidates(conn);
  await conn.run('BEGIN TRANSACTION');
  try {
    await runSqlFile(conn, 'classify/delete-theme-candidates');
    for (const c of candidates) {
      await runSqlFile(conn, 'classify/insert-theme-candidate', {
        candidate_id: c.candidateId,
        top_terms: JSON.stringify(c.topTerms),
        surface_terms: JSON.stringify(c.surfaceTerms),
        centroid: JSON.stringify(c.centroid),
        size: c.size,
        cohesion: c.cohesion,
        language: c.language,
        representatives: JSON.stringify(c.representatives),
        first_seen: c.firstSeen,
        last_seen: c.lastSeen,
        runs: c.runs,
      });
    }
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

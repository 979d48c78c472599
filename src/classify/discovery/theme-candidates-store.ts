/**
 * Reads and rewrites the `theme_candidates` table (sql/classify/*theme-candidates*.sql). Rows are written
 * ranked (priority = size × negative share, then size): the exported table reads best first.
 * Reading never changes the database: a run folder opened read-only, or one written by an older version
 * (no name / phrases / negative share / priority: the name is derived from the terms, the share unknown).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Language } from '../classifier-types.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { termsName, type Representative } from './cluster-clauses.ts';
import type { StoredCandidate } from './reconcile-candidates.ts';

export async function ensureThemeCandidates(conn: DuckDBConnection): Promise<void> {
  await runSqlFile(conn, 'classify/create-theme-candidates');
}

/** Candidates best first; none when the table does not exist. */
export async function loadThemeCandidates(conn: DuckDBConnection): Promise<StoredCandidate[]> {
  const columns = new Set((await querySqlFile(conn, 'classify/theme-candidates-columns')).map((r) => String(r.column_name)));
  if (columns.size === 0) return [];
  const rows = await querySqlFile(conn, columns.has('priority') ? 'classify/select-theme-candidates' : 'classify/select-theme-candidates-legacy');
  return rows.map((r) => {
    const surfaceTerms = JSON.parse(String(r.surface_terms)) as string[];
    const phrases = r.phrases === null ? [] : (JSON.parse(String(r.phrases)) as string[]);
    return {
      candidateId: String(r.candidate_id),
      name: r.name === null ? termsName(surfaceTerms) : String(r.name),
      phrases,
      negativeShare: r.negative_share === null ? Number.NaN : Number(r.negative_share),
      priority: r.priority === null ? Number.NaN : Number(r.priority),
      topTerms: JSON.parse(String(r.top_terms)) as string[],
      surfaceTerms,
      centroid: JSON.parse(String(r.centroid)) as Record<string, number>,
      size: Number(r.size),
      cohesion: Number(r.cohesion),
      language: String(r.language) as Language,
      representatives: JSON.parse(String(r.representatives)) as Representative[],
      firstSeen: String(r.first_seen),
      lastSeen: String(r.last_seen),
      runs: Number(r.runs),
    };
  });
}

/** Ranking of the stored table: priority, then size, then id. */
export function byPriority(a: StoredCandidate, b: StoredCandidate): number {
  return b.priority - a.priority || b.size - a.size || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);
}

/** Replaces the table's content in one transaction, best first. */
export async function saveThemeCandidates(conn: DuckDBConnection, candidates: readonly StoredCandidate[]): Promise<void> {
  await ensureThemeCandidates(conn);
  await conn.run('BEGIN TRANSACTION');
  try {
    await runSqlFile(conn, 'classify/delete-theme-candidates');
    for (const c of [...candidates].sort(byPriority)) {
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
        name: c.name,
        phrases: JSON.stringify(c.phrases),
        negative_share: c.negativeShare,
        priority: c.priority,
      });
    }
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

/**
 * Theme discovery for a run: the clauses of classified verbatims that mention no theme are
 * clustered into candidate themes and saved in `theme_candidates`. Run after classifyResponses.
 * The candidates are a function of the night's data alone, so a nightly run on appended files finds
 * what a run from scratch finds: ids come from the top terms (stable while a theme keeps its terms),
 * first_seen / last_seen are the days of the earliest and latest clause, `runs` the number of months
 * its clauses span.
 *
 *   responses + verbatim_sentiment + theme_mentions ─▶ unmatched clauses ─▶ clusterClauses
 *     ─▶ candidate ids (reconcileCandidates, no earlier candidates) ─▶ theme_candidates
 *
 * **Example:**
 * ```ts
 * const found = await discoverThemes(conn, { runDate: '2024-06-01' });
 * found.seen.map((c) => [c.candidateId, c.surfaceTerms.slice(0, 3)]);
 * // [['cand_1f0a9c2e', ['application', 'connexion', 'bug']], ...]
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Clause, Language } from '../classifier-types.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import { clusterClauses, type ClusterOptions, type UnmatchedClause } from './cluster-clauses.ts';
import { reconcileCandidates, type ReconcileOptions, type StoredCandidate } from './reconcile-candidates.ts';
import { saveThemeCandidates } from './theme-candidates-store.ts';

export type SplitClauses = (text: string, language?: Language) => Clause[];

export interface DiscoverOptions extends ClusterOptions, ReconcileOptions {
  /** the run's date, YYYY-MM-DD: an input, never the clock */
  readonly runDate: string;
  /** default: the embedded engine's splitClauses (the splitter theme mentions were computed on) */
  readonly splitClauses?: SplitClauses;
}

export interface DiscoverResult {
  readonly unmatchedClauses: number;
  /** candidates found in this run's data */
  readonly seen: readonly StoredCandidate[];
  /** everything now in theme_candidates (the same candidates) */
  readonly all: readonly StoredCandidate[];
}

const RUN_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Clauses whose span overlaps no mention span. */
export function unmatchedClauses(clauses: readonly Clause[], spans: ReadonlyArray<readonly [number, number]>): Clause[] {
  return clauses.filter((c) => c.text.trim().length > 0 && !spans.some(([s, e]) => c.start < e && s < c.end));
}

export async function discoverThemes(conn: DuckDBConnection, opts: DiscoverOptions): Promise<DiscoverResult> {
  if (!RUN_DATE.test(opts.runDate)) throw new Error(`runDate must be YYYY-MM-DD, got "${opts.runDate}"`);
  const split = opts.splitClauses ?? (await import('../embedded/index.ts')).splitClauses;
  const rows = await querySqlFile(conn, 'classify/select-clause-sources');
  const clauses: UnmatchedClause[] = [];
  for (const row of rows) {
    const verbatim = String(row.verbatim);
    const language = String(row.language) as Language;
    const spans = JSON.parse(String(row.spans)) as Array<[number, number]>;
    const date = row.submitted_on === null ? undefined : String(row.submitted_on);
    for (const c of unmatchedClauses(split(verbatim, language), spans)) clauses.push({ clause: c.text, verbatim, language, ...(date !== undefined ? { date } : {}) });
  }
  const clusters = clusterClauses(clauses, opts);
  const all = reconcileCandidates([], clusters, opts.runDate, opts).map((c) =>
    c.dates === undefined ? c : { ...c, firstSeen: c.dates.first, lastSeen: c.dates.last, runs: c.dates.months },
  );
  await saveThemeCandidates(conn, all);
  return { unmatchedClauses: clauses.length, seen: all, all };
}

/**
 * Theme discovery for a run: the clauses of classified verbatims that mention no theme are
 * clustered into candidate themes and saved in `theme_candidates`. Run after classifyResponses.
 * The candidates are a function of the night's data alone, so a nightly run on appended files finds
 * what a run from scratch finds: ids come from the top terms (stable while a theme keeps its terms),
 * first_seen / last_seen are the days of the earliest and latest clause, `runs` the number of months
 * its clauses span.
 *
 *   responses + verbatim_sentiment + theme_mentions ─▶ unmatched clauses (streamed; at most maxClauses kept,
 *     every stride-th of them) ─▶ clusterClauses
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
import { streamSqlRuns } from '../../db/sql-file.ts';
import { clusterSampledClauses, MAX_CLUSTERED_CLAUSES, sampleStride, type ClusterOptions, type UnmatchedClause } from './cluster-clauses.ts';
import { reconcileCandidates, type ReconcileOptions, type StoredCandidate } from './reconcile-candidates.ts';
import { byPriority, saveThemeCandidates } from './theme-candidates-store.ts';

export type SplitClauses = (text: string, language?: Language) => Clause[];

export interface DiscoverOptions extends ClusterOptions, ReconcileOptions {
  /** the run's date, YYYY-MM-DD: an input, never the clock */
  readonly runDate: string;
  /** default: the embedded engine's splitClauses (the splitter theme mentions were computed on) */
  readonly splitClauses?: SplitClauses;
}

export interface DiscoverResult {
  readonly unmatchedClauses: number;
  /** candidates found in this run's data, best first (priority = size × negative share, then size) */
  readonly seen: readonly StoredCandidate[];
  /** everything now in theme_candidates (the same candidates) */
  readonly all: readonly StoredCandidate[];
}

const RUN_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Clauses whose span overlaps no mention span. */
export function unmatchedClauses(clauses: readonly Clause[], spans: ReadonlyArray<readonly [number, number]>): Clause[] {
  return clauses.filter((c) => c.text.trim().length > 0 && !spans.some(([s, e]) => c.start < e && s < c.end));
}

/**
 * Visits the unmatched clauses of every classified verbatim, in response id order, streaming the verbatims
 * from DuckDB (never all of them in JS at once): a verbatim's rows (one a mention span) are consecutive.
 */
async function forEachUnmatchedClause(conn: DuckDBConnection, split: SplitClauses, visit: (clause: UnmatchedClause) => void): Promise<void> {
  await streamSqlRuns(conn, 'classify/select-clause-sources', {}, (row) => String(row.response_id), (_, rows) => {
    const first = rows[0] as Record<string, unknown>;
    const verbatim = String(first.verbatim);
    const language = String(first.language) as Language;
    const spans: Array<[number, number]> = [];
    for (const row of rows) if (row.clause_start !== null && row.clause_end !== null) spans.push([Number(row.clause_start), Number(row.clause_end)]);
    const date = first.submitted_on === null ? undefined : { date: String(first.submitted_on) };
    for (const c of unmatchedClauses(split(verbatim, language), spans)) visit({ clause: c.text, verbatim, language, ...date });
  });
}

/**
 * The unmatched clauses clusterClauses would sample (every stride-th), and how many there are, holding at most
 * `maxClauses` of them: a first pass keeps them while they fit and counts; past the limit a second pass
 * picks every stride-th (the same clauses clusterClauses picks from the whole list).
 */
async function sampleUnmatchedClauses(conn: DuckDBConnection, split: SplitClauses, maxClauses: number): Promise<{ sampled: UnmatchedClause[]; total: number; stride: number }> {
  let kept: UnmatchedClause[] = [];
  let total = 0;
  await forEachUnmatchedClause(conn, split, (c) => {
    total += 1;
    if (total <= maxClauses) kept.push(c);
    else kept = [];
  });
  const stride = sampleStride(total, maxClauses);
  if (stride === 1) return { sampled: kept, total, stride };
  const sampled: UnmatchedClause[] = [];
  let i = 0;
  await forEachUnmatchedClause(conn, split, (c) => {
    if (i++ % stride === 0) sampled.push(c);
  });
  return { sampled, total, stride };
}

export async function discoverThemes(conn: DuckDBConnection, opts: DiscoverOptions): Promise<DiscoverResult> {
  if (!RUN_DATE.test(opts.runDate)) throw new Error(`runDate must be YYYY-MM-DD, got "${opts.runDate}"`);
  const split = opts.splitClauses ?? (await import('../embedded/index.ts')).splitClauses;
  const { sampled, total, stride } = await sampleUnmatchedClauses(conn, split, opts.maxClauses ?? MAX_CLUSTERED_CLAUSES);
  const clusters = clusterSampledClauses(sampled, stride, opts);
  const all = reconcileCandidates([], clusters, opts.runDate, opts)
    .map((c) => (c.dates === undefined ? c : { ...c, firstSeen: c.dates.first, lastSeen: c.dates.last, runs: c.dates.months }))
    .sort(byPriority);
  await saveThemeCandidates(conn, all);
  return { unmatchedClauses: total, seen: all, all };
}

/**
 * Keeps candidate theme ids stable across nightly runs: a cluster of this run that resembles a
 * stored candidate (centroid cosine or top-term overlap above a threshold) takes over that
 * candidate's id and first_seen; an unmatched cluster gets a new id `cand_<hash of its first
 * top terms>`, assigned once and never recomputed. Stored candidates not seen this run are kept.
 */
import { createHash } from 'node:crypto';
import type { ClusterCandidate } from './cluster-clauses.ts';
import { cosineOfMaps } from './tfidf-vectors.ts';

export interface StoredCandidate extends ClusterCandidate {
  readonly candidateId: string;
  /** run dates, YYYY-MM-DD */
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** number of runs the candidate was seen in */
  readonly runs: number;
}

export interface ReconcileOptions {
  readonly minCosine?: number;
  readonly minOverlap?: number;
}

export function candidateIdFor(topTerms: readonly string[]): string {
  const key = [...topTerms.slice(0, 3)].sort().join(' ');
  return `cand_${createHash('md5').update(key).digest('hex').slice(0, 8)}`;
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const inter = b.filter((t) => sa.has(t)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : inter / union;
}

/** Similarity of a new cluster to a stored candidate in [0, 1], or 0 under both thresholds. */
export function candidateSimilarity(a: ClusterCandidate, b: ClusterCandidate, opts: ReconcileOptions = {}): number {
  const cos = cosineOfMaps(new Map(Object.entries(a.centroid)), new Map(Object.entries(b.centroid)));
  const jac = overlap(a.topTerms, b.topTerms);
  if (cos < (opts.minCosine ?? 0.5) && jac < (opts.minOverlap ?? 0.34)) return 0;
  return Math.max(cos, jac);
}

export function reconcileCandidates(
  previous: readonly StoredCandidate[],
  current: readonly ClusterCandidate[],
  runDate: string,
  opts: ReconcileOptions = {},
): StoredCandidate[] {
  const pairs: Array<{ ci: number; pi: number; sim: number }> = [];
  current.forEach((c, ci) =>
    previous.forEach((p, pi) => {
      const sim = candidateSimilarity(c, p, opts);
      if (sim > 0) pairs.push({ ci, pi, sim });
    }),
  );
  pairs.sort((a, b) => b.sim - a.sim || a.ci - b.ci || (previous[a.pi]!.candidateId < previous[b.pi]!.candidateId ? -1 : 1));
  const matchOfCurrent = new Map<number, number>();
  const taken = new Set<number>();
  for (const { ci, pi } of pairs) {
    if (matchOfCurrent.has(ci) || taken.has(pi)) continue;
    matchOfCurrent.set(ci, pi);
    taken.add(pi);
  }
  const ids = new Set(previous.map((p) => p.candidateId));
  const result: StoredCandidate[] = previous.filter((_, pi) => !taken.has(pi));
  current.forEach((c, ci) => {
    const pi = matchOfCurrent.get(ci);
    if (pi !== undefined) {
      const p = previous[pi]!;
      const lastSeen = runDate > p.lastSeen ? runDate : p.lastSeen;
      result.push({ ...c, candidateId: p.candidateId, firstSeen: p.firstSeen < runDate ? p.firstSeen : runDate, lastSeen, runs: p.lastSeen === runDate ? p.runs : p.runs + 1 });
      return;
    }
    let id = candidateIdFor(c.topTerms);
    for (let n = 2; ids.has(id); n++) id = `${candidateIdFor(c.topTerms)}_${n}`;
    ids.add(id);
    result.push({ ...c, candidateId: id, firstSeen: runDate, lastSeen: runDate, runs: 1 });
  });
  return result.sort((a, b) => (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));
}

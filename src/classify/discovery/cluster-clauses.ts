/**
 * Clusters the clauses that matched no theme into candidate themes:
 * stemmed tokens → TF-IDF → seeded spherical k-means (k grows with the number of clauses) →
 * clusters of at least `minClusterSize` clauses, each with its top terms and the three
 * verbatims whose clauses lie closest to the centroid (PII-redacted).
 */
import type { Language } from '../classifier-types.ts';
import { redactPii } from '../pii/redact-pii.ts';
import { tokenizeClause } from './tokenize-clause.ts';
import { buildTfidf, dotDense } from './tfidf-vectors.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

export interface UnmatchedClause {
  readonly clause: string;
  readonly verbatim: string;
  readonly language: Language;
  /** day the response was written, YYYY-MM-DD (dates the candidate from the data, not from the runs) */
  readonly date?: string;
}

export interface Representative {
  readonly verbatim: string;
  readonly clause: string;
}

export interface ClusterCandidate {
  /** stems by centroid weight, heaviest first */
  readonly topTerms: readonly string[];
  /** most frequent surface word of each top stem */
  readonly surfaceTerms: readonly string[];
  /** the heaviest centroid weights by stem, for matching across runs */
  readonly centroid: Readonly<Record<string, number>>;
  readonly size: number;
  /** mean cosine of the members to the centroid, in [0, 1] */
  readonly cohesion: number;
  readonly language: Language;
  readonly representatives: readonly Representative[];
  /** earliest and latest day of its clauses and the number of distinct months, when clauses are dated */
  readonly dates?: { readonly first: string; readonly last: string; readonly months: number };
}

export interface ClusterOptions {
  readonly seed?: number;
  readonly maxK?: number;
  readonly minClusterSize?: number;
  readonly topTerms?: number;
  /** clauses beyond this are sampled with a fixed stride */
  readonly maxClauses?: number;
}

/** k ≈ sqrt(n / 2), between 1 and maxK. */
export function chooseK(n: number, maxK: number): number {
  return Math.max(1, Math.min(maxK, Math.round(Math.sqrt(n / 2))));
}

/** The three closest distinct verbatims, preferring distinct clauses too; PII-redacted. */
function pickRepresentatives(byCloseness: readonly UnmatchedClause[]): Representative[] {
  const picked: UnmatchedClause[] = [];
  for (const distinctClause of [true, false]) {
    for (const c of byCloseness) {
      if (picked.length === 3) break;
      if (picked.some((p) => p.verbatim === c.verbatim || (distinctClause && p.clause === c.clause))) continue;
      picked.push(c);
    }
  }
  return picked.map((c) => ({ verbatim: redactPii(c.verbatim), clause: redactPii(c.clause) }));
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const CENTROID_TERMS = 30;

/** Clauses clustered at most; beyond, every stride-th clause is (ClusterOptions.maxClauses). */
export const MAX_CLUSTERED_CLAUSES = 20000;

/** The stride that keeps at most `maxClauses` of `n` clauses: every stride-th, from the first. */
export function sampleStride(n: number, maxClauses: number = MAX_CLUSTERED_CLAUSES): number {
  return Math.max(1, Math.ceil(n / maxClauses));
}

export function clusterClauses(input: readonly UnmatchedClause[], opts: ClusterOptions = {}): ClusterCandidate[] {
  const stride = sampleStride(input.length, opts.maxClauses);
  return clusterSampledClauses(input.filter((_, i) => i % stride === 0), stride, opts);
}

/**
 * clusterClauses on clauses already sampled with `stride` (sampleStride of the full count), so a caller can
 * stream the clauses instead of holding them all: sizes are scaled back by the stride.
 */
export function clusterSampledClauses(sampled: readonly UnmatchedClause[], stride: number, opts: ClusterOptions = {}): ClusterCandidate[] {
  const tokens = sampled.map((c) => tokenizeClause(c.clause));
  const tfidf = buildTfidf(tokens.map((t) => t.stems));
  const keep = tfidf.vectors.map((v, i) => (v.ids.length > 0 ? i : -1)).filter((i) => i >= 0);
  const minSize = opts.minClusterSize ?? 3;
  if (keep.length < minSize) return [];
  const vectors = keep.map((i) => tfidf.vectors[i]!);
  const k = chooseK(keep.length, opts.maxK ?? 20);
  const { assignment, centroids } = sphericalKMeans(vectors, k, tfidf.vocabulary.length, opts.seed ?? 42);

  const surface = new Map<string, Map<string, number>>();
  tokens.forEach((t) =>
    t.stems.forEach((s, j) => {
      const m = surface.get(s) ?? new Map<string, number>();
      m.set(t.words[j]!, (m.get(t.words[j]!) ?? 0) + 1);
      surface.set(s, m);
    }),
  );
  const surfaceOf = (stem: string): string =>
    [...(surface.get(stem) ?? new Map([[stem, 1]])).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];

  const out: ClusterCandidate[] = [];
  centroids.forEach((centroid, ci) => {
    const members = keep.filter((_, j) => assignment[j] === ci);
    if (members.length < minSize) return;
    const weights = [...centroid.entries()].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const topTerms = weights.slice(0, opts.topTerms ?? 8).map(([id]) => tfidf.vocabulary[id]!);
    const sims = members.map((m) => ({ m, sim: dotDense(tfidf.vectors[m]!, centroid) }));
    sims.sort((a, b) => b.sim - a.sim || a.m - b.m);
    const representatives = pickRepresentatives(sims.map(({ m }) => sampled[m]!));
    const fr = members.filter((m) => sampled[m]!.language === 'fr').length;
    const en = members.filter((m) => sampled[m]!.language === 'en').length;
    const days = members.map((m) => sampled[m]!.date).filter((d): d is string => d !== undefined).sort();
    out.push({
      ...(days.length > 0 ? { dates: { first: days[0]!, last: days[days.length - 1]!, months: new Set(days.map((d) => d.slice(0, 7))).size } } : {}),
      topTerms,
      surfaceTerms: topTerms.map(surfaceOf),
      centroid: Object.fromEntries(weights.slice(0, CENTROID_TERMS).map(([id, w]) => [tfidf.vocabulary[id]!, round4(w)])),
      size: members.length * stride,
      cohesion: round4(sims.reduce((s, x) => s + x.sim, 0) / sims.length),
      language: fr === 0 && en === 0 ? 'other' : fr >= en ? 'fr' : 'en',
      representatives,
    });
  });
  return out.sort((a, b) => b.size - a.size || (a.topTerms.join(' ') < b.topTerms.join(' ') ? -1 : 1));
}

/**
 * Clusters the clauses that matched no theme into candidate themes:
 * stemmed topical tokens (tokenize-clause.ts: no @handles, URLs, numbers, question words or opinion words;
 * a clause with none is left out) → TF-IDF → seeded spherical k-means (k grows with the number of clauses) →
 * clusters of at least `minClusterSize` clauses, each with its top terms, its name (its most distinctive
 * phrase, distinctive-phrases.ts, that no other candidate says more of: distinct-names.ts), the share of its
 * clauses the lexicon reads as negative, and the five verbatims whose clauses lie closest to the centroid
 * (PII-redacted). Candidates come out ranked by
 * priority = size × negative share (what hurts most first), then by size.
 */
import type { Language } from '../classifier-types.ts';
import { scoreLexicon } from '../embedded/score-lexicon.ts';
import { redactPii } from '../pii/redact-pii.ts';
import { phraseDocumentFrequency, rankDistinctivePhrases, singularPhrase } from './distinctive-phrases.ts';
import { distinctNames, type OfferedName } from './distinct-names.ts';
import { clausePhrases, isTopicalClause, tokenizeClause } from './tokenize-clause.ts';
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
  /** what to call it: its most distinctive phrase, else its two heaviest surface terms */
  readonly name: string;
  /** its most distinctive phrases (2-3 words), best first; may be empty */
  readonly phrases: readonly string[];
  /** share of its clauses with a negative lexicon polarity, in [0, 1] */
  readonly negativeShare: number;
  /** size × negative share: the ranking key */
  readonly priority: number;
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

/** A candidate's name when no phrase qualifies: its two heaviest surface terms ("delivery / late"). */
export function termsName(surfaceTerms: readonly string[]): string {
  return surfaceTerms.slice(0, 2).join(' / ');
}

/** Example clauses a candidate carries. */
export const REPRESENTATIVES = 5;

/** The REPRESENTATIVES closest distinct verbatims, preferring distinct clauses too; PII-redacted. */
function pickRepresentatives(byCloseness: readonly UnmatchedClause[]): Representative[] {
  const picked: UnmatchedClause[] = [];
  for (const distinctClause of [true, false]) {
    for (const c of byCloseness) {
      if (picked.length === REPRESENTATIVES) break;
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
  const tfidf = buildTfidf(tokens.map((t) => (isTopicalClause(t) ? t.stems : [])));
  const keep = tfidf.vectors.map((v, i) => (v.ids.length > 0 ? i : -1)).filter((i) => i >= 0);
  const minSize = opts.minClusterSize ?? 3;
  if (keep.length < minSize) return [];
  const phrases = keep.map((i) => clausePhrases(sampled[i]!.clause));
  const phraseDf = phraseDocumentFrequency(phrases);
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
  /** per candidate in `out`: its phrases with the share of its clauses that say them, and its terms' name */
  const offers: OfferedName[][] = [];
  const fallbacks: string[] = [];
  centroids.forEach((centroid, ci) => {
    const memberRows = keep.map((_, j) => j).filter((j) => assignment[j] === ci);
    const members = memberRows.map((j) => keep[j]!);
    if (members.length < minSize) return;
    const weights = [...centroid.entries()].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const topTerms = weights.slice(0, opts.topTerms ?? 8).map(([id]) => tfidf.vocabulary[id]!);
    const sims = members.map((m) => ({ m, sim: dotDense(tfidf.vectors[m]!, centroid) }));
    sims.sort((a, b) => b.sim - a.sim || a.m - b.m);
    const representatives = pickRepresentatives(sims.map(({ m }) => sampled[m]!));
    const fr = members.filter((m) => sampled[m]!.language === 'fr').length;
    const en = members.filter((m) => sampled[m]!.language === 'en').length;
    const days = members.map((m) => sampled[m]!.date).filter((d): d is string => d !== undefined).sort();
    const inCluster = phraseDocumentFrequency(memberRows.map((j) => phrases[j]!));
    const named = rankDistinctivePhrases(inCluster, members.length, phraseDf, keep.length);
    const negative = members.filter((m) => scoreLexicon(sampled[m]!.clause, sampled[m]!.language === 'other' ? undefined : sampled[m]!.language).polarity < 0).length;
    const negativeShare = round4(negative / members.length);
    const surfaceTerms = topTerms.map(surfaceOf);
    offers.push(named.map((phrase) => ({ phrase, share: (inCluster.get(phrase) ?? 0) / members.length })));
    fallbacks.push(termsName(surfaceTerms));
    out.push({
      name: named[0] ?? termsName(surfaceTerms),
      phrases: named,
      negativeShare,
      priority: round4(members.length * stride * negativeShare),
      ...(days.length > 0 ? { dates: { first: days[0]!, last: days[days.length - 1]!, months: new Set(days.map((d) => d.slice(0, 7))).size } } : {}),
      topTerms,
      surfaceTerms,
      centroid: Object.fromEntries(weights.slice(0, CENTROID_TERMS).map(([id, w]) => [tfidf.vocabulary[id]!, round4(w)])),
      size: members.length * stride,
      cohesion: round4(sims.reduce((s, x) => s + x.sim, 0) / sims.length),
      language: fr === 0 && en === 0 ? 'other' : fr >= en ? 'fr' : 'en',
      representatives,
    });
  });
  const names = distinctNames(offers, fallbacks, singularPhrase);
  return out.map((c, i) => (names[i] === c.name ? c : { ...c, name: names[i]! })).sort((a, b) => b.priority - a.priority || b.size - a.size || (a.topTerms.join(' ') < b.topTerms.join(' ') ? -1 : 1));
}

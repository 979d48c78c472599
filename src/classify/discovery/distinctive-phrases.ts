/**
 * Names a cluster of clauses by its most distinctive phrases rather than by single frequent words:
 * each phrase of its members (clausePhrases: 2-3 words, the way a keyword phrase would be written) scores
 * df_in_cluster × log(N / df_overall), the TF-IDF of the cluster read as one document against all clauses
 * clustered (a phrase every cluster shares scores low, one only this cluster says scores high). Phrases said
 * by fewer than max(2, 5 % of the members) clauses are left out, as is a phrase inside or around one
 * already chosen ("amount of cash" after "wrong amount of cash") or its plural ("call back" after "call backs").
 *
 * Example: distinctivePhrases([['wrong amount', 'amount of cash'], ['wrong amount']], df, 1000)
 *          // → ['wrong amount'] ("amount of cash" is said by one member of two: under the floor of 2)
 */
import { singularsOf } from '../embedded/match-themes.ts';

export const MAX_PHRASES = 3;
const MIN_SHARE = 0.05;
const MIN_CLAUSES = 2;

/** Document frequency of each phrase over a list of clauses (each clause's phrases, distinct). */
export function phraseDocumentFrequency(phrasesOfClauses: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const phrases of phrasesOfClauses) for (const p of new Set(phrases)) df.set(p, (df.get(p) ?? 0) + 1);
  return df;
}

/** A phrase with its last word in the singular ("call backs" → "call back"), so plural variants overlap. */
export function singularPhrase(phrase: string): string {
  const words = phrase.split(' ');
  const last = words[words.length - 1] as string;
  const singular = singularsOf(last).at(-1);
  return singular === undefined ? phrase : [...words.slice(0, -1), singular].join(' ');
}

const contains = (a: string, b: string): boolean => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
const overlaps = (a: string, b: string): boolean => contains(a, b) || contains(singularPhrase(a), singularPhrase(b));

export function distinctivePhrases(
  members: readonly (readonly string[])[],
  overallDf: ReadonlyMap<string, number>,
  totalClauses: number,
  max: number = MAX_PHRASES,
): string[] {
  return rankDistinctivePhrases(phraseDocumentFrequency(members), members.length, overallDf, totalClauses, max);
}

/** distinctivePhrases from the cluster's own phrase counts (phraseDocumentFrequency of its `size` members), for a caller that needs them too. */
export function rankDistinctivePhrases(
  inCluster: ReadonlyMap<string, number>,
  size: number,
  overallDf: ReadonlyMap<string, number>,
  totalClauses: number,
  max: number = MAX_PHRASES,
): string[] {
  const floor = Math.max(MIN_CLAUSES, Math.ceil(MIN_SHARE * size));
  const scored = [...inCluster.entries()]
    .filter(([, n]) => n >= floor)
    .map(([phrase, n]) => ({ phrase, score: n * Math.log(Math.max(totalClauses, 1) / Math.max(overallDf.get(phrase) ?? n, 1)) }))
    .filter((x) => x.score > 0)
    // at equal score the longer phrase says more ("considering other options" over "considering other")
    .sort((a, b) => b.score - a.score || b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  const chosen: string[] = [];
  for (const { phrase } of scored) {
    if (chosen.length === max) break;
    if (!chosen.some((c) => overlaps(c, phrase))) chosen.push(phrase);
  }
  return chosen;
}

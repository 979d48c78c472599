/**
 * Theme scores of one clause against a compiled taxonomy, each in [0, 1]:
 *   keyword / phrase / stem hit → 0.9 (+0.03 per extra hit), all label words present → 0.85,
 *   part of a multi-word label → 0.35, combined by noisy-or with the best char-trigram TF-IDF cosine (opinion words left out)
 *   to the theme's examples / description / labels (counted from 0.2, reaching 1 at cosine 0.8).
 * Keywords and labels of the clause's language are used ('other': both languages).
 */
import type { Language } from '../classifier-types.ts';
import { keepContentWords, topicalWords, trigramCounts, type CompiledTaxonomy, type KeywordPattern } from './compile-taxonomy.ts';
import { foldedWords } from './fold-text.ts';
import { lightStem } from './light-stem.ts';

export const KEYWORD_SCORE = 0.9;
export const LABEL_SCORE = 0.85;
export const PARTIAL_LABEL_SCORE = 0.35;
const SIMILARITY_FLOOR = 0.2;
const SIMILARITY_FULL = 0.8;
/** Longest clause text looked at (bounded work). */
const MAX_CLAUSE_CHARS = 2000;

function patternMatches(p: KeywordPattern, words: readonly string[], at: number): boolean {
  if (at + p.words.length > words.length) return false;
  for (let k = 0; k < p.words.length; k++) {
    const want = p.words[k] as { text: string; prefix: boolean };
    const got = words[at + k] as string;
    if (want.prefix ? !got.startsWith(want.text) : got !== want.text) return false;
  }
  return true;
}

const MEMO_LIMIT = 100_000;

function candidatesFor(tax: CompiledTaxonomy, w: string): readonly KeywordPattern[] {
  const known = tax.memo.get(w);
  if (known !== undefined) return known;
  const found: KeywordPattern[] = [...(tax.exact.get(w) ?? [])];
  for (const len of tax.prefixLengths) {
    if (len > w.length) break;
    found.push(...(tax.prefixes.get(w.slice(0, len)) ?? []));
  }
  if (tax.memo.size > MEMO_LIMIT) tax.memo.clear();
  tax.memo.set(w, found);
  return found;
}

export function scoreThemes(tax: CompiledTaxonomy, clause: string, language: Language | undefined): Float64Array {
  const text = clause.length > MAX_CLAUSE_CHARS ? clause.slice(0, MAX_CLAUSE_CHARS) : clause;
  const lang = language ?? 'other';
  const usable = (l: 'en' | 'fr'): boolean => lang === 'other' || lang === l;
  const scores = new Float64Array(tax.themeIds.length);
  const hits = new Uint16Array(tax.themeIds.length);
  const words = foldedWords(text);
  const hit = (p: KeywordPattern): void => {
    if (usable(p.language)) hits[p.theme] = (hits[p.theme] as number) + 1;
  };
  for (let i = 0; i < words.length; i++) {
    for (const p of candidatesFor(tax, words[i] as string)) if (patternMatches(p, words, i)) hit(p);
  }
  hits.forEach((h, t) => {
    if (h > 0) scores[t] = Math.min(1, KEYWORD_SCORE + 0.03 * (h - 1));
  });
  const content = keepContentWords(words);
  if (content.length === 0) return scores;
  const stems = new Set(content.map(lightStem));
  for (const l of tax.labels) {
    if (!usable(l.language)) continue;
    const found = l.stems.filter((s) => stems.has(s)).length;
    const s = found === l.stems.length ? LABEL_SCORE : found > 0 ? PARTIAL_LABEL_SCORE : 0;
    if (s > (scores[l.theme] as number)) scores[l.theme] = s;
  }
  // TF-IDF cosine of the clause's topical trigrams with each theme document
  const topical = topicalWords(content);
  if (topical.length === 0) return scores;
  const counts = trigramCounts(topical);
  const dots = new Map<number, number>();
  let norm = 0;
  for (const [g, c] of counts) {
    const idf = tax.idf.get(g) ?? tax.unseenIdf;
    const w = c * idf;
    norm += w * w;
    const list = tax.postings.get(g);
    if (list === undefined) continue;
    for (const [doc, dw] of list) dots.set(doc, (dots.get(doc) ?? 0) + w * dw);
  }
  norm = Math.sqrt(norm);
  const bestSim = new Float64Array(tax.themeIds.length);
  for (const [doc, dot] of dots) {
    const t = tax.docTheme[doc] as number;
    const cos = dot / norm;
    if (cos > (bestSim[t] as number)) bestSim[t] = cos;
  }
  bestSim.forEach((cos, t) => {
    if (cos <= SIMILARITY_FLOOR) return;
    const sim = Math.min(1, (cos - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR));
    scores[t] = 1 - (1 - (scores[t] as number)) * (1 - sim);
  });
  return scores;
}

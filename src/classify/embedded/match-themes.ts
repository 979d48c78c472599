/**
 * Seed matches of one clause against a compiled taxonomy: for each theme, a score in [0, 1] and what
 * matched it (the provenance of a mention):
 *   keyword or keyword phrase → 0.9 (+0.03 per extra hit), source 'keyword';
 *   the whole label (all its content words: in order, e.g. "billing errors", or in any order within one
 *     extra word, e.g. "flight was cancelled" for "Cancelled flight") → 0.85, source 'label';
 *   char-trigram TF-IDF cosine (opinion words left out) to the theme's examples / description, counted
 *     from 0.2 and reaching 1 at cosine 0.8, combined by noisy-or, source 'example' when it decides; an
 *     example counts only when the clause shares at least two of its topical word stems (one shared word,
 *     "product", "use", is not a match).
 * A multi-word label or keyword never matches by one of its words alone: "customer" does not half-match
 * "Customer service" and "Customer success". Keywords and labels of the clause's language are used
 * ('other': both languages) for keywords; labels match in any language. The words a keyword or label covered are flagged in `masked`, so a model
 * trained on seed matches learns from the rest of the clause (see train-topic-model.ts).
 */
import type { Language, MatchSource } from '../classifier-types.ts';
import { topicalWords, trigramCounts, type CompiledTaxonomy, type KeywordPattern } from './compile-taxonomy.ts';
import { foldedWords } from './fold-text.ts';
import { lightStem } from './light-stem.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { segmentHashtag, type HashtagVocabulary } from './segment-hashtag.ts';
import { memoByObject } from '../../util/memo-by-object.ts';

export const KEYWORD_SCORE = 0.9;
export const LABEL_SCORE = 0.85;
const SIMILARITY_FLOOR = 0.2;
const SIMILARITY_FULL = 0.8;
const MIN_SHARED_STEMS = 2;

function sharedStems(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const s of a) if (b.has(s)) n++;
  return n;
}
/** Longest clause text looked at (bounded work). */
const MAX_CLAUSE_CHARS = 2000;

export interface SeedMatch {
  /** folded words of the clause */
  readonly words: readonly string[];
  /** per theme, the seed score in [0, 1] (0: no seed) */
  readonly scores: Float64Array;
  /** per theme, what gave the score */
  readonly sources: Array<MatchSource | undefined>;
  /** per theme, the keyword, label or example that matched, as written in the taxonomy */
  readonly evidence: Array<string | undefined>;
  /** 1 for the words covered by a keyword or label match */
  readonly masked: Uint8Array;
  /** the keyword patterns that matched, distinct, in the order they first did */
  readonly keywords: readonly KeywordPattern[];
}

/**
 * The singulars a folded word may be the plural of ("bags" → "bag", "taxes" → "tax", "bateaux" →
 * "bateau"): a keyword written in the singular also matches its plural, as a taxonomy's author expects.
 * English keywords also match their other inflections (englishBasesOf); French ones only their plurals
 * (French verb forms are not suffixes of the infinitive: "charg*" is written by the author).
 */
export function singularsOf(word: string): readonly string[] {
  if (word.length < 4) return [];
  const last = word[word.length - 1];
  if (last === 's') return word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : [word.slice(0, -1)];
  if (last === 'x' && (word.endsWith('aux') || word.endsWith('eux') || word.endsWith('oux'))) return [word.slice(0, -1)];
  return [];
}

/** English inflectional and nominal suffixes a keyword may take ("cancel" → "cancelled", "cancellation"). */
const EN_SUFFIXES = ['ations', 'ation', 'ions', 'ion', 'ments', 'ment', 'ing', 'ed', 'es', 'd', 's'];
const baseMemo = new Map<string, readonly string[]>();

/**
 * The English keywords a folded word may be an inflection of: the word without one suffix of EN_SUFFIXES,
 * with the spelling changes English makes before it (a dropped final "e": "charging" → "charge"; a doubled
 * consonant: "cancelled" → "cancel"; "y" → "i": "verified" → "verify", "verification" → "verify").
 * Bases have four letters or more. Never the other way: a keyword written "shorts" does not match
 * "short", nor "pants" "panties"; "-er" and "-ly" are not inflections here ("shorter", "lately").
 */
export function englishBasesOf(word: string): readonly string[] {
  const known = baseMemo.get(word);
  if (known !== undefined) return known;
  const out = new Set<string>();
  for (const suffix of EN_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    out.add(base);
    out.add(`${base}e`);
    if (base.length >= 4 && base[base.length - 1] === base[base.length - 2] && !/[aeiou]/.test(base[base.length - 1] as string)) out.add(base.slice(0, -1));
    if (base.endsWith('i')) out.add(`${base.slice(0, -1)}y`);
    if (suffix.startsWith('a') && base.endsWith('ic')) out.add(`${base.slice(0, -2)}y`);
  }
  const list = [...out].filter((b) => b.length >= 4 && b !== word);
  if (baseMemo.size > 100_000) baseMemo.clear();
  baseMemo.set(word, list);
  return list;
}

function wordMatches(want: { readonly text: string; readonly prefix: boolean }, got: string, english: boolean): boolean {
  if (want.prefix) return got.startsWith(want.text);
  return got === want.text || singularsOf(got).includes(want.text) || (english && englishBasesOf(got).includes(want.text));
}

export function patternMatches(p: KeywordPattern, words: readonly string[], at: number): boolean {
  if (at + p.words.length > words.length) return false;
  for (let k = 0; k < p.words.length; k++) if (!wordMatches(p.words[k] as { text: string; prefix: boolean }, words[at + k] as string, p.language === 'en')) return false;
  return true;
}

const MEMO_LIMIT = 100_000;

/** Patterns whose first word may match word `w` (memoised per taxonomy: every word of every clause asks). */
export function candidatesFor(tax: CompiledTaxonomy, w: string): readonly KeywordPattern[] {
  const known = tax.memo.get(w);
  if (known !== undefined) return known;
  const found = findCandidates(tax, w);
  if (tax.memo.size > MEMO_LIMIT) tax.memo.clear();
  tax.memo.set(w, found);
  return found;
}

/** candidatesFor without the memo, for one-off questions (the pieces a hashtag could be cut into). */
function findCandidates(tax: CompiledTaxonomy, w: string): KeywordPattern[] {
  const found: KeywordPattern[] = [...(tax.exact.get(w) ?? [])];
  for (const singular of singularsOf(w)) found.push(...(tax.exact.get(singular) ?? []));
  for (const base of englishBasesOf(w)) for (const p of tax.exact.get(base) ?? []) if (p.language === 'en' && !found.includes(p)) found.push(p);
  for (const len of tax.prefixLengths) {
    if (len > w.length) break;
    found.push(...(tax.prefixes.get(w.slice(0, len)) ?? []));
  }
  return found;
}

/** Extra content words a label's window may hold: "flight was cancelled" names the label "Cancelled flight". */
const LABEL_SLACK = 1;

/**
 * Positions in `stems` of a label's stems: as a contiguous run, else all of them in any order within a
 * window of the label's length + LABEL_SLACK content words ("flight cancelled", "luggage arrived damaged").
 * Every word of the label must be there: one shared word is never a match. Undefined when absent.
 */
export function findLabel(stems: readonly string[], label: readonly string[]): number[] | undefined {
  outer: for (let i = 0; i + label.length <= stems.length; i++) {
    for (let k = 0; k < label.length; k++) if (stems[i + k] !== label[k]) continue outer;
    return label.map((_, k) => i + k);
  }
  if (label.length < 2) return undefined;
  const span = label.length + LABEL_SLACK;
  for (let i = 0; i < stems.length; i++) {
    if (!label.includes(stems[i] as string)) continue;
    const end = Math.min(stems.length, i + span);
    const at: number[] = [];
    for (const l of label) {
      let found = -1;
      for (let j = i; j < end && found < 0; j++) if (stems[j] === l && !at.includes(j)) found = j;
      if (found < 0) break;
      at.push(found);
    }
    if (at.length === label.length) return at;
  }
  return undefined;
}

/** Shortest keyword matched by two words of the clause run together. */
const MIN_JOINED = 5;
/** English particles of phrasal verbs ("set up", "check in", "log out", "back up"). */
const PARTICLES: ReadonlySet<string> = new Set(['up', 'in', 'out', 'off', 'on', 'down', 'back', 'over', 'away', 'through', 'around', 'about']);

/**
 * The words a hashtag may be cut into: the taxonomy's words, function words, and words a keyword matches.
 * The hundreds of candidate pieces of a tag are looked up without the memo, which they would flood.
 */
const hashtagVocabulary = memoByObject(
  (tax: CompiledTaxonomy): HashtagVocabulary => ({ known: (w) => tax.vocabulary.has(w) || STOPWORDS.has(w) || findCandidates(tax, w).length > 0, valence: () => false }),
);

const foldHashtagWord = (w: string): string => foldedWords(w).join('');

/**
 * The clause with each hashtag written as the words it runs together, when the taxonomy's words (and
 * function words) spell it: "#lostluggage" → "lost luggage", "#CustomerService" → "Customer Service".
 */
function splitHashtags(tax: CompiledTaxonomy, text: string): string {
  const vocabulary = hashtagVocabulary(tax);
  return text.replace(/#(\p{L}+)/gu, (tag, body: string) => segmentHashtag(body, vocabulary, foldHashtagWord)?.join(' ') ?? tag);
}

export function matchSeeds(tax: CompiledTaxonomy, clause: string, language: Language | undefined): SeedMatch {
  const text = clause.length > MAX_CLAUSE_CHARS ? clause.slice(0, MAX_CLAUSE_CHARS) : clause;
  const lang = language ?? 'other';
  const usable = (l: 'en' | 'fr'): boolean => lang === 'other' || lang === l;
  const themes = tax.themeIds.length;
  const scores = new Float64Array(themes);
  const sources: Array<MatchSource | undefined> = new Array<MatchSource | undefined>(themes).fill(undefined);
  const evidence: Array<string | undefined> = new Array<string | undefined>(themes).fill(undefined);
  const hits = new Uint16Array(themes);
  const words = foldedWords(text.includes('#') ? splitHashtags(tax, text) : text);
  const masked = new Uint8Array(words.length);
  const matched = new Set<KeywordPattern>();
  const hit = (p: KeywordPattern, i: number, length: number): void => {
    hits[p.theme] = (hits[p.theme] as number) + 1;
    evidence[p.theme] ??= p.text;
    masked.fill(1, i, i + length);
    matched.add(p);
  };
  for (let i = 0; i < words.length; i++) {
    for (const p of candidatesFor(tax, words[i] as string)) {
      if (usable(p.language) && patternMatches(p, words, i)) hit(p, i, p.words.length);
    }
    // a one-word keyword written as two words: "wifi" in "wi fi" or "wi-fi"; never a verb and its particle,
    // whose closed form is another word: "set up" is not "setup", "log in" not "login"; nor the closed-up form
    // of a hyphenated keyword, whose pattern as written matches those two words already ("Wi-Fi")
    const joined = i + 1 < words.length && !PARTICLES.has(words[i + 1] as string) ? `${words[i]}${words[i + 1]}` : '';
    if (joined.length >= MIN_JOINED) for (const p of tax.exact.get(joined) ?? []) if (p.words.length === 1 && !p.closedUp && usable(p.language)) hit(p, i, 2);
  }
  hits.forEach((h, t) => {
    if (h === 0) return;
    scores[t] = Math.min(1, KEYWORD_SCORE + 0.03 * (h - 1));
    sources[t] = 'keyword';
  });
  // content words with their positions, for label phrases
  const at: number[] = [];
  words.forEach((w, i) => {
    if (w.length > 1 && !STOPWORDS.has(w)) at.push(i);
  });
  const keywords = [...matched];
  if (at.length === 0) return { words, scores, sources, evidence, masked, keywords };
  const stems = at.map((i) => lightStem(words[i] as string));
  // a label is a whole phrase, specific enough to match in any language ("Livraison" in a mixed verbatim)
  const present = new Set(stems);
  for (const l of tax.labels) {
    if (!l.stems.every((x) => present.has(x))) continue; // most labels: a word missing, no search
    const found = findLabel(stems, l.stems);
    if (found === undefined) continue;
    for (const k of found) masked[at[k] as number] = 1;
    if (LABEL_SCORE > (scores[l.theme] as number)) {
      scores[l.theme] = LABEL_SCORE;
      sources[l.theme] = 'label';
      evidence[l.theme] = l.text;
    }
  }
  scoreSimilarity(tax, at.map((i) => words[i] as string), scores, sources, evidence);
  return { words, scores, sources, evidence, masked, keywords };
}

/** Noisy-or of the best example similarity into the scores (see the file comment). */
function scoreSimilarity(tax: CompiledTaxonomy, content: readonly string[], scores: Float64Array, sources: Array<MatchSource | undefined>, evidence: Array<string | undefined>): void {
  const topical = topicalWords(content);
  if (topical.length < MIN_SHARED_STEMS) return;
  const stems = new Set(topical.map(lightStem));
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
  const bestDoc = new Int32Array(tax.themeIds.length).fill(-1);
  for (const [doc, dot] of dots) {
    const t = tax.docTheme[doc] as number;
    const cos = dot / norm;
    if (cos <= (bestSim[t] as number) || cos <= SIMILARITY_FLOOR || sharedStems(stems, tax.docStems[doc] as ReadonlySet<string>) < MIN_SHARED_STEMS) continue;
    if (cos > (bestSim[t] as number)) {
      bestSim[t] = cos;
      bestDoc[t] = doc;
    }
  }
  bestSim.forEach((cos, t) => {
    if (cos <= SIMILARITY_FLOOR) return;
    const sim = Math.min(1, (cos - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR));
    const before = scores[t] as number;
    scores[t] = 1 - (1 - before) * (1 - sim);
    if (sim > before) {
      sources[t] = 'example';
      evidence[t] = tax.docText[bestDoc[t] as number];
    }
  });
}

/** Seed scores only (the keyword engine). */
export function scoreThemes(tax: CompiledTaxonomy, clause: string, language: Language | undefined): Float64Array {
  return matchSeeds(tax, clause, language).scores;
}

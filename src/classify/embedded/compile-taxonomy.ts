/**
 * Compiles a Taxonomy into matchers: keyword patterns (words, multi-word phrases, `*` stems; folded so
 * case and accents do not matter), label phrases, and a char-trigram TF-IDF index over each theme's
 * examples and description.
 */
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { isOpinionWord } from './compile-lexicon.ts';
import { foldedTermWords, foldedWords } from './fold-text.ts';
import { lightStem } from './light-stem.ts';

export type PatternLanguage = 'en' | 'fr';

export interface KeywordPattern {
  readonly theme: number;
  readonly language: PatternLanguage;
  /** the keyword as written in the taxonomy (provenance of a match) */
  readonly text: string;
  /** folded words; prefix: the keyword ended with '*' */
  readonly words: ReadonlyArray<{ readonly text: string; readonly prefix: boolean }>;
  /** the closed-up form of a hyphenated keyword ("wifi" for "Wi-Fi"), beside the pattern as written */
  readonly closedUp: boolean;
}

export interface LabelMatcher {
  readonly theme: number;
  readonly language: PatternLanguage;
  /** the label as written */
  readonly text: string;
  /** light stems of the label's content words, matched as a contiguous phrase */
  readonly stems: readonly string[];
}

export interface CompiledTaxonomy {
  readonly themeIds: readonly string[];
  /** patterns by their first word (exact) */
  readonly exact: ReadonlyMap<string, readonly KeywordPattern[]>;
  /** patterns whose first word is a prefix, by that prefix */
  readonly prefixes: ReadonlyMap<string, readonly KeywordPattern[]>;
  readonly prefixLengths: readonly number[];
  readonly labels: readonly LabelMatcher[];
  /** trigram → idf */
  readonly idf: ReadonlyMap<string, number>;
  /** idf for trigrams unseen in the taxonomy */
  readonly unseenIdf: number;
  /** trigram → postings of (document, weight); weights are L2-normalised per document */
  readonly postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** theme index of each document */
  readonly docTheme: readonly number[];
  /** text of each document (an example or the description) */
  readonly docText: readonly string[];
  /** light stems of each document's topical words */
  readonly docStems: ReadonlyArray<ReadonlySet<string>>;
  /** folded words of the keywords, labels, examples and descriptions (what a hashtag may be split into) */
  readonly vocabulary: ReadonlySet<string>;
  /** memo of word → patterns whose first word matches it */
  readonly memo: Map<string, readonly KeywordPattern[]>;
}

/** Content words of a text: folded, without stopwords and one-letter words. */
export function contentWords(text: string): string[] {
  return keepContentWords(foldedWords(text));
}

/** Drop stopwords and one-letter words from folded words. */
export function keepContentWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/**
 * Words that say what a clause is about: content words minus clear opinion words, so that
 * "all good" is not similar to the example "good product quality" (opinions are not topics).
 */
export function topicalWords(content: readonly string[]): string[] {
  return content.filter((w) => !isOpinionWord(w));
}

/** Char trigrams of the content words (each word padded with spaces), with counts. */
export function trigramCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) for (const g of wordTrigrams(w)) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
}

const trigramMemo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 100_000;

/** Char trigrams of one word padded with spaces (" ok " → " ok", "ok "), memoised. */
function wordTrigrams(word: string): readonly string[] {
  const known = trigramMemo.get(word);
  if (known !== undefined) return known;
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  if (trigramMemo.size > MEMO_LIMIT) trigramMemo.clear();
  trigramMemo.set(word, grams);
  return grams;
}

function keywordPattern(theme: number, language: PatternLanguage, keyword: string, written = keyword): KeywordPattern | undefined {
  const words = foldedTermWords(keyword);
  return words.length === 0 ? undefined : { theme, language, text: written, words, closedUp: keyword !== written };
}

/** A hyphen between letters: "Wi-Fi", "check-in", "top-up". */
const HYPHENS = /(\p{L})-(?=\p{L})/gu;

/**
 * The patterns of one keyword: as written and, for a hyphenated word, also closed up ("Wi-Fi" also
 * matches "wifi", "check-in" "checkin"); the open form ("check in") is what the hyphen folds to already.
 */
function keywordPatterns(theme: number, language: PatternLanguage, keyword: string): KeywordPattern[] {
  const closed = keyword.replace(HYPHENS, '$1');
  return (closed === keyword ? [keyword] : [keyword, closed]).flatMap((v) => keywordPattern(theme, language, v, keyword) ?? []);
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const exact = new Map<string, KeywordPattern[]>();
  const prefixes = new Map<string, KeywordPattern[]>();
  const labels: LabelMatcher[] = [];
  const docs: Array<{ theme: number; text: string; counts: Map<string, number> }> = [];
  const vocabulary = new Set<string>();
  taxonomy.themes.forEach((t, theme) => {
    for (const language of ['en', 'fr'] as const) {
      for (const kw of t.keywords[language]) {
        for (const p of keywordPatterns(theme, language, kw)) {
          const first = p.words[0] as { text: string; prefix: boolean };
          const map = first.prefix ? prefixes : exact;
          map.set(first.text, [...(map.get(first.text) ?? []), p]);
          for (const w of p.words) vocabulary.add(w.text);
        }
      }
      const label = t.labels[language];
      if (label !== undefined) {
        for (const w of foldedWords(label)) vocabulary.add(w);
        const stems = contentWords(label).map(lightStem);
        if (stems.length > 0) labels.push({ theme, language, text: label, stems });
      }
    }
    // labels are matched as whole phrases (match-themes.ts), not by similarity: one of their words is not enough
    for (const text of [...t.examples, t.description ?? '']) {
      for (const w of foldedWords(text)) vocabulary.add(w);
      const words = topicalWords(contentWords(text));
      if (words.length > 0) docs.push({ theme, text, counts: trigramCounts(words) });
    }
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.counts.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [g, c] of df) idf.set(g, Math.log((1 + n) / (1 + c)) + 1);
  const postings = new Map<string, Array<readonly [number, number]>>();
  docs.forEach((d, di) => {
    let norm = 0;
    const weights = new Map<string, number>();
    for (const [g, c] of d.counts) {
      const w = c * (idf.get(g) as number);
      weights.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [g, w] of weights) postings.set(g, [...(postings.get(g) ?? []), [di, w / norm] as const]);
  });
  return {
    themeIds: taxonomy.themes.map((t) => t.id),
    exact,
    prefixes,
    prefixLengths: [...new Set([...prefixes.keys()].map((k) => k.length))].sort((a, b) => a - b),
    labels,
    idf,
    unseenIdf: Math.log(1 + n) + 1,
    postings,
    docTheme: docs.map((d) => d.theme),
    docText: docs.map((d) => d.text),
    docStems: docs.map((d) => new Set(topicalWords(contentWords(d.text)).map(lightStem))),
    vocabulary,
    memo: new Map(),
  };
}

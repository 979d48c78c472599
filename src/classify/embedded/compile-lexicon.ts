/**
 * Turns the lexicon sources ("term weight, ..." strings) into lookup structures per language:
 * exact words, stems (`*`), phrases indexed by their first word, degree words and negators.
 * `LEXICON_VERSION` is a hash of every source (the French fallback table included) and of the scoring rules version, so any change to
 * the lexicon or to language detection (LANGUAGE_DETECTION_VERSION) invalidates cached classifications.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../classifier-types.ts';
import { EMOJI_VALENCE, EMOTICON_VALENCE } from './emoji-lexicon.ts';
import { foldedTermWords, foldedWords } from './fold-text.ts';
import { EN_BOOSTERS, EN_LEXICON, EN_NEGATORS } from './lexicon-en.ts';
import { FR_BOOSTERS, FR_LEXICON, FR_NEGATORS } from './lexicon-fr.ts';
import { PATTERN_FR_VERSION, patternValence } from './pattern-fr.ts';
import { LANGUAGE_DETECTION_VERSION } from '../language/detection-version.ts';

/** Bump when the scoring rules (not the word lists) change. */
export const SCORING_RULES_VERSION = '11';

export interface PhraseEntry {
  /** folded words; a word ending in '*' matches any word starting with it */
  readonly words: readonly string[];
  readonly weight: number;
}

export interface CompiledLexicon {
  readonly words: ReadonlyMap<string, number>;
  readonly stems: ReadonlyMap<string, number>;
  /** distinct stem lengths, longest first */
  readonly stemLengths: readonly number[];
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** phrases whose first word ends with '*' ("tourne* en rond"), by that word's prefix */
  readonly phrasePrefixes: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** distinct lengths of those prefixes */
  readonly phrasePrefixLengths: readonly number[];
  /** single- or two-word degree modifiers ("very", "a bit") → relative change of intensity */
  readonly boosters: ReadonlyMap<string, number>;
  readonly negators: ReadonlySet<string>;
  /** valence of a word no entry matches, from a general-purpose lexicon (French: Pattern) */
  readonly fallback?: (word: string) => number | undefined;
  /** English: comparatives and superlatives of praise words take their base's valence (english-degrees.ts) */
  readonly englishDegrees: boolean;
  /** memo of word → valence (null: not in lexicon) */
  readonly memo: Map<string, number | null>;
}

export interface ParsedEntry {
  readonly term: string;
  readonly weight: number;
}

/** Parse "term weight, term weight" lists; lines starting with '#' are comments. Throws on a malformed entry. */
export function parseLexiconSource(source: string): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  for (const line of source.split('\n')) {
    if (line.trim().startsWith('#')) continue;
    for (const raw of line.split(',')) {
      const item = raw.trim();
      if (item === '') continue;
      const m = /^(.+?)\s+(-?\d+(?:\.\d+)?)$/.exec(item);
      if (!m) throw new Error(`malformed lexicon entry "${item}"`);
      entries.push({ term: m[1] as string, weight: Number(m[2]) });
    }
  }
  return entries;
}

/** Folded words of a lexicon term; a '*' ending a written word ends its last folded word ("not go* through" → not, go*, through). */
function foldTerm(term: string): string[] {
  return foldedTermWords(term).map((w) => (w.prefix ? `${w.text}*` : w.text));
}

interface Sources {
  readonly lexicon: readonly string[];
  readonly boosters: readonly string[];
  readonly negators: readonly string[];
  readonly fallback?: (word: string) => number | undefined;
  readonly englishDegrees?: boolean;
}

function compile(sources: Sources): CompiledLexicon {
  const words = new Map<string, number>();
  const stems = new Map<string, number>();
  const phrases = new Map<string, PhraseEntry[]>();
  const phrasePrefixes = new Map<string, PhraseEntry[]>();
  for (const src of sources.lexicon) {
    for (const { term, weight } of parseLexiconSource(src)) {
      const folded = foldTerm(term);
      if (folded.length === 0) continue;
      if (folded.length > 1) {
        const first = folded[0] as string;
        const index = first.endsWith('*') ? phrasePrefixes : phrases;
        const key = first.endsWith('*') ? first.slice(0, -1) : first;
        index.set(key, [...(index.get(key) ?? []), { words: folded, weight }]);
      } else if ((folded[0] as string).endsWith('*')) stems.set((folded[0] as string).slice(0, -1), weight);
      else words.set(folded[0] as string, weight);
    }
  }
  for (const index of [phrases, phrasePrefixes]) for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  const phrasePrefixLengths = [...new Set([...phrasePrefixes.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const boosters = new Map<string, number>();
  for (const src of sources.boosters) for (const { term, weight } of parseLexiconSource(src)) boosters.set(foldedWords(term).join(' '), weight);
  const negators = new Set(sources.negators.flatMap((s) => s.split(/\s+/).filter((w) => w !== '')));
  const stemLengths = [...new Set([...stems.keys()].map((s) => s.length))].sort((a, b) => b - a);
  return { words, stems, stemLengths, phrases, phrasePrefixes, phrasePrefixLengths, boosters, negators, ...(sources.fallback ? { fallback: sources.fallback } : {}), englishDegrees: sources.englishDegrees === true, memo: new Map() };
}

const EN: Sources = { lexicon: [EN_LEXICON], boosters: [EN_BOOSTERS], negators: [EN_NEGATORS], englishDegrees: true };
const FR: Sources = { lexicon: [FR_LEXICON], boosters: [FR_BOOSTERS], negators: [FR_NEGATORS], fallback: patternValence };

const COMPILED: Record<Language, CompiledLexicon> = {
  en: compile(EN),
  fr: compile(FR),
  // unknown language: both lists (English wins on the rare shared key), no French fallback (English words would hit French stems)
  other: compile({ lexicon: [FR_LEXICON, EN_LEXICON], boosters: [FR_BOOSTERS, EN_BOOSTERS], negators: [FR_NEGATORS, EN_NEGATORS] }),
};

export function lexiconFor(language: Language | undefined): CompiledLexicon {
  return COMPILED[language ?? 'other'];
}

/** Is a folded word an entry (word or stem) of a language's lexicon? */
export function isLexiconWord(language: 'en' | 'fr', word: string): boolean {
  const l = COMPILED[language];
  if (l.words.has(word)) return true;
  for (const len of l.stemLengths) if (len <= word.length && l.stems.has(word.slice(0, len))) return true;
  return false;
}

const opinionMemo = new Map<string, boolean>();
const OPINION_MEMO_LIMIT = 100_000;

/** Is a folded word a clear opinion word (|valence| ≥ 1 as a word or stem) in French or English? Memoised. */
export function isOpinionWord(word: string): boolean {
  const known = opinionMemo.get(word);
  if (known !== undefined) return known;
  const opinion = [COMPILED.en, COMPILED.fr].some((l) => {
    let v = l.words.get(word);
    if (v === undefined) for (const len of l.stemLengths) if (len <= word.length && (v = l.stems.get(word.slice(0, len))) !== undefined) break;
    return v !== undefined && Math.abs(v) >= 1;
  });
  if (opinionMemo.size > OPINION_MEMO_LIMIT) opinionMemo.clear();
  opinionMemo.set(word, opinion);
  return opinion;
}

/** Number of entries (words + stems + phrases) per language, for reports and tests. */
export function lexiconSize(language: 'en' | 'fr'): number {
  const l = COMPILED[language];
  let phrases = 0;
  for (const index of [l.phrases, l.phrasePrefixes]) for (const list of index.values()) phrases += list.length;
  return l.words.size + l.stems.size + phrases;
}

export const LEXICON_VERSION = `${SCORING_RULES_VERSION}.${createHash('sha256')
  .update([EN_LEXICON, EN_BOOSTERS, EN_NEGATORS, FR_LEXICON, FR_BOOSTERS, FR_NEGATORS, JSON.stringify([...EMOJI_VALENCE, ...EMOTICON_VALENCE]), PATTERN_FR_VERSION, LANGUAGE_DETECTION_VERSION].join('\u0000'))
  .digest('hex')
  .slice(0, 12)}`;

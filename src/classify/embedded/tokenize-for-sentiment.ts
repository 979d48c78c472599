/**
 * Tokens for the lexicon scorer: folded words with an ALL-CAPS flag and a flag saying whether
 * punctuation separates a word from the previous one (negation and degree words do not cross it).
 * English contractions are expanded first ("doesn't" → "does not", "can't" and "cannot" → "can not", and the
 * apostrophe-less "didnt" → "did not"), so "not …" phrases ("not go through") match every spelling.
 */
import { segmentHashtag, type HashtagVocabulary } from './segment-hashtag.ts';

export interface SentimentTokens {
  readonly words: readonly string[];
  readonly caps: readonly boolean[];
  readonly breakBefore: readonly boolean[];
  /** true when most words are upper case (then caps carry no emphasis) */
  readonly shouting: boolean;
}

const TOKEN = /[\p{L}\p{N}]+|[.,;:!?()]/gu;
const ASCII_LOWER = /^[a-z0-9]+$/;
const HAS_UPPER = /\p{Lu}/u;
const MARKS = /[\u0300-\u036f]/g;

/**
 * English contractions written without an apostrophe, only those whose spelling is not also a word
 * ("cant", "wont" are; "dont" is French), expanded for English text only.
 */
const BARE_CONTRACTION = /\b(do|does|did|is|are|was|were|has|have|had|could|would|should)nt\b/gi;

function expandContractions(text: string, english: boolean): string {
  let out = text;
  if (/cannot/i.test(out)) out = out.replace(/\bcannot\b/gi, 'can not');
  if (english && /nt\b/i.test(out)) out = out.replace(BARE_CONTRACTION, '$1 not');
  if (!/n['’]t/i.test(out)) return out;
  return out
    .replace(/\bcan['’]t\b/gi, 'can not')
    .replace(/\bwon['’]t\b/gi, 'will not')
    .replace(/\bain['’]t\b/gi, 'is not')
    .replace(/\b(\p{L}+)n['’]t\b/giu, '$1 not');
}

function foldWord(word: string): string {
  if (ASCII_LOWER.test(word)) return word;
  const lower = word.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * `english`: the text is known to be English (bare contractions such as "didnt" are expanded).
 * `hashtags`: the vocabulary that splits a hashtag into its words (segment-hashtag.ts); without it a hashtag is one word.
 */
export function tokenizeForSentiment(text: string, english = false, hashtags?: HashtagVocabulary): SentimentTokens {
  const words: string[] = [];
  const caps: boolean[] = [];
  const breakBefore: boolean[] = [];
  let pendingBreak = false;
  let upper = 0;
  const expanded = expandContractions(text, english);
  for (const m of expanded.matchAll(TOKEN)) {
    const tok = m[0];
    const c = tok.charCodeAt(0);
    if (tok.length === 1 && (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41)) {
      pendingBreak = true;
      continue;
    }
    const pieces = hashtags !== undefined && expanded[(m.index ?? 0) - 1] === '#' ? segmentHashtag(tok, hashtags, foldWord) : undefined;
    if (pieces !== undefined) {
      for (const piece of pieces) {
        words.push(piece);
        caps.push(false);
        breakBefore.push(pendingBreak);
        pendingBreak = false;
      }
      continue;
    }
    const isCaps = tok.length >= 2 && HAS_UPPER.test(tok) && tok === tok.toUpperCase() && !/^\p{N}+$/u.test(tok);
    if (isCaps) upper++;
    words.push(foldWord(tok));
    caps.push(isCaps);
    breakBefore.push(pendingBreak);
    pendingBreak = false;
  }
  return { words, caps, breakBefore, shouting: words.length > 0 && upper / words.length > 0.5 };
}

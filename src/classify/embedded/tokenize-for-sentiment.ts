/**
 * Tokens for the lexicon scorer: folded words with an ALL-CAPS flag and a flag saying whether
 * punctuation separates a word from the previous one (negation and degree words do not cross it).
 * English contractions are expanded first ("doesn't" → "does not", "can't" → "can not").
 */
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

function expandContractions(text: string): string {
  if (!/n['’]t/i.test(text)) return text;
  return text
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

export function tokenizeForSentiment(text: string): SentimentTokens {
  const words: string[] = [];
  const caps: boolean[] = [];
  const breakBefore: boolean[] = [];
  let pendingBreak = false;
  let upper = 0;
  for (const m of expandContractions(text).matchAll(TOKEN)) {
    const tok = m[0];
    const c = tok.charCodeAt(0);
    if (tok.length === 1 && (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41)) {
      pendingBreak = true;
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

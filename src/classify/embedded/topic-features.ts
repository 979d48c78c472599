/**
 * Features of a clause for the topic model: hashed light-stemmed content words, word bigrams (stopwords
 * kept: "no answer", "not working") and 5-letter word prefixes (a cheap stem that survives typos and
 * inflections the light stemmer misses), all binary. Words covered by a seed keyword or label are left out,
 * so the model learns what else the clauses of a theme say ("waited two hours", "nobody came") rather than
 * relearning its keywords.
 *
 * Example: clauseFeatures(['the', 'invoice', 'was', 'wrong'], mask with 'invoice' set, 2 ** 18)
 *   → hashes of u:wrong, b:the|^, b:^|was, b:was|wrong (the masked word is a gap '^')
 */
import { STOPWORDS } from '../language/stopwords.ts';
import { fnv1a } from './domain-features.ts';
import { lightStem } from './light-stem.ts';

/** Only the first words of a long clause become features: bounded work per clause. */
const MAX_WORDS = 60;
const PREFIX = 5;
const GAP = '^';

const unigramMemo = new Map<string, readonly number[]>();
const MEMO_LIMIT = 200_000;

/** Hashes (before the modulo) of a content word's unigram features: its light stem, and its prefix when longer. */
function wordHashes(word: string): readonly number[] {
  const known = unigramMemo.get(word);
  if (known !== undefined) return known;
  const out: number[] = [];
  if (word.length > 1 && !STOPWORDS.has(word)) {
    const stem = lightStem(word);
    out.push(fnv1a(`u:${stem}`));
    if (word.length > PREFIX + 1) out.push(fnv1a(`p:${word.slice(0, PREFIX)}`));
  }
  if (unigramMemo.size > MEMO_LIMIT) unigramMemo.clear();
  unigramMemo.set(word, out);
  return out;
}

/** Distinct hashed feature indices of a clause in [0, dim), sorted (the order is part of determinism). */
export function clauseFeatures(words: readonly string[], masked: Uint8Array, dim: number): Uint32Array {
  const n = Math.min(words.length, MAX_WORDS);
  const seen = new Set<number>();
  let previous = GAP;
  for (let i = 0; i < n; i++) {
    const word = masked[i] === 1 ? GAP : (words[i] as string);
    if (word !== GAP) for (const h of wordHashes(word)) seen.add(h % dim);
    if (i > 0 && !(word === GAP && previous === GAP)) seen.add(fnv1a(`b:${previous}|${word}`) % dim);
    previous = word;
  }
  return Uint32Array.from(seen).sort();
}

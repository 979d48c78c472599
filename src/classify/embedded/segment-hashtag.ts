/**
 * The words of a hashtag, for the lexicon scorer: "#NeverAgain" → never again, "#notimpressed" → not
 * impressed, "#badservice" → bad service, "#customerservicefail" → customerservice fail. A hashtag is
 * how short social-media messages state their verdict, often as one run of letters.
 *
 *   written in CamelCase: split at each lower-to-upper change;
 *   in lower case and not itself a known word: the fewest known words that spell it (at most four, each of
 *     two letters or more), else a valence term of three letters or more at its start or end with the
 *     rest kept as one word ("customerservice" + "fail"); otherwise it stays one word.
 *
 * `known` says whether a folded word is in the vocabulary (lexicon words, negators, degree words, function
 * words; whole words only, no stems: a stem would spell "badservic" + "e"), `valence` whether it carries
 * sentiment. Pure.
 */

const MAX_PIECES = 4;
/** Longer tags are left whole: the search is quadratic in the tag's length, and no verdict runs to 40 letters. */
export const MAX_HASHTAG = 40;
const MIN_PIECE = 2;
const MIN_VALENCE_PIECE = 3;
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;

export interface HashtagVocabulary {
  readonly known: (word: string) => boolean;
  readonly valence: (word: string) => boolean;
}

/** The folded words of a hashtag's body (without '#'), or undefined when it stays one word. */
export function segmentHashtag(body: string, vocabulary: HashtagVocabulary, fold: (word: string) => string): string[] | undefined {
  if (body.length > MAX_HASHTAG) return undefined;
  const camel = body.split(CAMEL);
  if (camel.length >= 2) return camel.map(fold);
  const word = fold(body);
  if (word.length < 2 * MIN_PIECE || vocabulary.known(word) || !/^\p{L}+$/u.test(word)) return undefined;
  const spelled = fewestKnownWords(word, vocabulary.known);
  if (spelled !== undefined) return spelled;
  // the longest valence term first, at the start then at the end
  for (let len = word.length - MIN_VALENCE_PIECE; len >= MIN_VALENCE_PIECE; len--) {
    const head = word.slice(0, len);
    if (vocabulary.valence(head)) return [head, word.slice(len)];
    const tail = word.slice(word.length - len);
    if (vocabulary.valence(tail)) return [word.slice(0, word.length - len), tail];
  }
  return undefined;
}

/** Fewest known words (2 to MAX_PIECES) that spell `word`, the longer first pieces at equal count; undefined if none. */
function fewestKnownWords(word: string, known: (w: string) => boolean): string[] | undefined {
  const n = word.length;
  // best[i]: fewest pieces spelling word[i..n), with the cut that starts it
  const best = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - MIN_PIECE; i >= 0; i--) {
    for (let j = n; j >= i + MIN_PIECE; j--) {
      if ((best[j] as number) + 1 >= (best[i] as number) || !known(word.slice(i, j))) continue;
      best[i] = (best[j] as number) + 1;
      next[i] = j;
    }
  }
  const pieces = best[0] as number;
  if (pieces < 2 || pieces > MAX_PIECES) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = next[i] as number) out.push(word.slice(i, next[i] as number));
  return out;
}

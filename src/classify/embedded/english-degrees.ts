/**
 * English comparatives and superlatives of the lexicon's praise words, which the lexicon does not list one by
 * one: "the new interface is much cleaner", "the friendliest staff", "smoother than before".
 *
 * - Only praise words (valence ≥ MIN_BASE_VALENCE) are derived. The negative ones are left out on purpose:
 *   "later" is not "late", "cheaper" is not "cheap", "the hardest working team" is praise.
 * - A superlative ("-est", "-iest") counts wherever it stands: such words are adjectives.
 * - A comparative ("-er", "-ier") counts only in a comparative frame: after a degree word ("much cleaner",
 *   "far friendlier", "a lot smoother") or before "than" ("quicker than last year"). An "-er" word alone may be a
 *   noun ("the cleaner was rude", "the cooler leaks").
 * - The derived form weighs what its base weighs (a comparative says at least as much as the plain word).
 *
 * Example (valenceOf looks a word up in the lexicon, where "clean" weighs 1.2):
 *   degreeValence(['the', 'app', 'is', 'much', 'cleaner'], 4, valenceOf) // → 1.2
 *   degreeValence(['the', 'cleaner', 'was', 'rude'], 1, valenceOf)       // → undefined (no comparative frame)
 */

/** A base must weigh at least this to lend its valence to its comparative or superlative. */
const MIN_BASE_VALENCE = 1.0;

/** Words that make the next "-er" word a comparative ("much cleaner", "a lot smoother", "even faster"). */
const COMPARATIVE_BEFORE: ReadonlySet<string> = new Set([
  'much', 'far', 'way', 'lot', 'even', 'bit', 'little', 'slightly', 'significantly', 'considerably', 'noticeably', 'somewhat', 'vastly', 'so', 'any', 'no',
]);

/** The plain forms a degree form may come from: "cleaner" → clean, "nicer" → nice, "tidier" → tidy, "bigger" → big. */
function basesOf(word: string, suffix: 'er' | 'est'): string[] {
  const stem = word.slice(0, -suffix.length);
  if (stem.length < 2) return [];
  const out = [stem, `${stem}e`];
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  if (stem.length >= 3 && stem.at(-2) === stem.at(-1)) out.push(stem.slice(0, -1));
  return out;
}

/**
 * The valence a comparative or superlative at `words[i]` takes from its base, or undefined (not a degree form of a
 * praise word, or an "-er" word outside a comparative frame). `valenceOf` looks a word up in the lexicon.
 */
export function degreeValence(words: readonly string[], i: number, valenceOf: (word: string) => number | undefined): number | undefined {
  const w = words[i] as string;
  let suffix: 'er' | 'est';
  if (w.endsWith('est')) suffix = 'est';
  else if (w.endsWith('er') && (COMPARATIVE_BEFORE.has(words[i - 1] ?? '') || words[i + 1] === 'than')) suffix = 'er';
  else return undefined;
  for (const base of basesOf(w, suffix)) {
    const v = valenceOf(base);
    if (v !== undefined && v >= MIN_BASE_VALENCE) return v;
  }
  return undefined;
}

/**
 * A bare interjection of praise beside a complaint is sarcasm or politeness, not praise: "Lost my bag again,
 * great job", "Flight delayed 3 hours. Great.", "Encore en retard, bravo" (sarcasm: Riloff et al. 2013, "Sarcasm
 * as contrast between a positive sentiment and negative situation", found this contrast the commonest form in
 * tweets); "Still no refund. Thanks." (a polite closing). The lexicon scored such clauses as praise and the
 * complaint came out neutral or positive.
 *
 * A clause is such an interjection when its words, once @handles and a few fillers ("oh", "just", "so", "wow",
 * "lol") are set aside, are one of the phrases below and nothing else, alone or between commas. It changes
 * only when it answers a clear complaint (a clause summing to one negative term or more): the rest of its own
 * clause ("Oh great, another delay") or the clause right before it ("Delayed again. Great."), not a later one (a
 * review's opening "Génial !" followed by "seul point négatif : …" stays praise), and not in a clause opened by
 * "but"/"mais"/"par contre" ("late, but great!", "par contre réponse en moins d'une heure, top"). A sarcastic
 * one then counts as criticism of the same weight, a polite one for nothing.
 */
import { foldedWords } from './fold-text.ts';

export type InterjectionKind = 'sarcastic' | 'polite';

const SARCASTIC: ReadonlySet<string> = new Set([
  'great', 'great job', 'good job', 'nice', 'nice one', 'nice job', 'nice work', 'perfect', 'awesome', 'fantastic', 'wonderful', 'brilliant', 'lovely', 'excellent',
  'amazing', 'superb', 'terrific', 'fabulous', 'well done', 'bravo', 'congrats', 'congratulations', 'just great', 'just perfect', 'how nice', 'how lovely', 'great work',
  'great service', 'love it', 'love that', 'genial', 'super', 'parfait', 'formidable', 'magnifique', 'chapeau', 'top', 'merveilleux', 'felicitations', 'bien joue', 'trop bien',
]);
const POLITE: ReadonlySet<string> = new Set([
  'thanks', 'thank you', 'thx', 'ty', 'thank u', 'cheers', 'many thanks', 'thanks a lot', 'thanks in advance', 'thank you in advance', 'regards', 'kind regards',
  'merci', 'merci beaucoup', 'merci d avance', 'cordialement', 'bonne journee', 'bonne soiree',
]);
const FILLERS: ReadonlySet<string> = new Set(['oh', 'ah', 'just', 'so', 'really', 'wow', 'yeah', 'yes', 'lol', 'omg', 'hey', 'again', 'then', 'guys', 'folks', 'team', 'ouais', 'vraiment', 'encore', 'les', 'gars', 'oui']);

const HANDLE = /(?:^|\s)@\w+/g;

/** Where a clause may hold an interjection apart from the rest of it: "Lost my bag again, great job". */
const SEGMENT_BREAK = /[,;:–—]|\s-\s/;
/** Longest interjection, in words, and in characters once @handles are set aside: a longer clause or segment is not folded at all (every clause of every text is asked). */
const MAX_WORDS = 6;
const MAX_CHARS = 60;

const ACCENTED: Readonly<Record<string, string>> = { a: '[aàâä]', e: '[eéèêë]', i: '[iîï]', o: '[oôö]', u: '[uùûü]', c: '[cç]' };

/** A phrase's longest word, written with its accented letters as classes ("genial" → "g[eéèêë]n[iîï][aàâä]l"). */
function headPattern(phrase: string): string {
  const head = phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  return [...head].map((ch) => ACCENTED[ch] ?? ch).join('');
}
/** One word every interjection holds: a clause or segment without any is not folded (most are not). */
const MAY_BE_INTERJECTION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...new Set([...SARCASTIC, ...POLITE].map(headPattern))].join('|')})(?![\\p{L}\\p{N}])`, 'iu');

const shortEnough = (part: string): boolean => (part.includes('@') ? part.replace(HANDLE, ' ') : part).length <= MAX_CHARS;

export interface SplitInterjection {
  readonly kind: InterjectionKind;
  /** the interjection, as written */
  readonly interjection: string;
  /** the clause without it ('' when the clause is the interjection) */
  readonly rest: string;
}

/** The first bare interjection of a clause: the whole clause, or one of its comma-separated parts. */
export function splitInterjection(clause: string): SplitInterjection | undefined {
  if (!MAY_BE_INTERJECTION.test(clause)) return undefined;
  const whole = shortEnough(clause) ? interjectionKind(clause) : undefined;
  if (whole !== undefined) return { kind: whole, interjection: clause, rest: '' };
  if (!SEGMENT_BREAK.test(clause)) return undefined;
  const parts = clause.split(SEGMENT_BREAK);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    if (!shortEnough(part) || !MAY_BE_INTERJECTION.test(part)) continue;
    const kind = interjectionKind(part);
    if (kind !== undefined) return { kind, interjection: part, rest: parts.filter((_, j) => j !== k).join(', ') };
  }
  return undefined;
}

/** What kind of bare interjection a text is, if it is one. */
export function interjectionKind(clause: string): InterjectionKind | undefined {
  const words = foldedWords(clause.replace(HANDLE, ' '));
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  // the phrase as written ("just great", "well done"), else without its fillers ("oh great", "great job again")
  for (const phrase of [words.join(' '), words.filter((w) => !FILLERS.has(w)).join(' ')]) {
    if (SARCASTIC.has(phrase)) return 'sarcastic';
    if (POLITE.has(phrase)) return 'polite';
  }
  return undefined;
}

/**
 * Something that keeps happening is a complaint: "your website keeps logging me out", "the app keeps asking
 * for my password", "I keep getting an error", "he kept interrupting". Customers state the repetition and
 * rarely add an opinion word, so the lexicon read such clauses as neutral.
 *
 * The rule needs "keeps" or "kept" (or "keep" after a subject: "I keep", "you keep", "still keep") followed,
 * at most one object word later ("keeps sending me", "keeps me waiting"), by a verb in -ing. It does not
 * apply when that verb is one of praise or progress ("keeps improving", "keeps getting better", "keeps me
 * coming back", "keep doing what you do"), nor where the lexicon already reads the words: a phrase ("keeps
 * crashing") or a verb with a valence of its own ("keeps failing", "keeps impressing"). `valenceAt(k)` is the
 * valence of the lexicon's term starting at word k, if any.
 */

/** Valence of such a clause (one hit). */
export const RECURRING_TROUBLE = -1.5;

const KEEP_SUBJECTS: ReadonlySet<string> = new Set(['i', 'you', 'we', 'they', 'still', 'he', 'she', 'it']);
const OBJECTS: ReadonlySet<string> = new Set(['me', 'us', 'you', 'him', 'her', 'them', 'it', 'on']);
/** -ing words that say nothing bad kept on: movement, progress, habits of praise */
const NOT_TROUBLE: ReadonlySet<string> = new Set([
  'coming', 'getting', 'going', 'working', 'improving', 'growing', 'doing', 'smiling', 'rocking', 'running', 'trying',
  'bringing', 'delivering', 'learning', 'reading', 'watching', 'thinking', 'listening', 'pushing', 'adding', 'updating', 'shopping', 'buying', 'ordering', 'flying', 'choosing', 'using', 'wearing',
]);

/** Does this clause (folded English words) say that something bad keeps happening? */
export function isRecurringTrouble(words: readonly string[], valenceAt: (index: number) => number | undefined): boolean {
  for (let k = 0; k < words.length - 1; k++) {
    const w = words[k] as string;
    if (!(w === 'keeps' || w === 'kept' || (w === 'keep' && KEEP_SUBJECTS.has(words[k - 1] ?? '')))) continue;
    const at = OBJECTS.has(words[k + 1] as string) ? k + 2 : k + 1;
    const verb = words[at] ?? '';
    if (verb.length > 4 && verb.endsWith('ing') && !NOT_TROUBLE.has(verb) && valenceAt(k) === undefined && valenceAt(at) === undefined) return true;
  }
  return false;
}

/**
 * Thanks for a misfortune is sarcasm: "thanks for the 4 hour delay", "thank you for losing my bag",
 * "merci pour l'attente". Riloff et al. (2013, "Sarcasm as contrast between a positive sentiment and
 * negative situation") found this contrast, a positive phrase whose object is a negative situation, the
 * most common form of sarcasm in tweets. The rule is narrow: the first content word after "for"/"pour"
 * (determiners, numbers and durations skipped) must itself be a negative term. "Thanks for the help with
 * my delayed flight" (help first) stays thanks.
 */
import { DURATION_UNITS } from './duration-complaint.ts';

const THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'thanx', 'ty', 'merci']);
const FOR: ReadonlySet<string> = new Set(['for', 'pour']);
/** Words between "for" and the object that say nothing of it (folded, both languages): determiners and durations' units. */
const SKIPPED: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'my', 'our', 'your', 'this', 'that', 'these', 'another', 'yet', 'all', 'extra', 'whole', 'again',
  'le', 'la', 'les', 'l', 'un', 'une', 'ce', 'cette', 'ces', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'encore',
  ...DURATION_UNITS,
]);
const DURATION_OF: ReadonlySet<string> = new Set(['of', 'de', 'd']);
/** How far after "for" the object may start. */
const WINDOW = 5;

/**
 * Is the positive term at word i a sarcastic thanks? `negativeAt(j)`: whether a negative lexicon term
 * starts at word j. Words after a punctuation break are out of reach.
 */
export function isSarcasticThanks(words: readonly string[], breakBefore: readonly boolean[], i: number, negativeAt: (j: number) => boolean): boolean {
  if (!THANKS.has(words[i] as string)) return false;
  let j = i + 1;
  if (words[i] === 'thank' && words[j] === 'you') j++;
  if (!FOR.has(words[j] ?? '') || breakBefore[j]) return false;
  for (let k = j + 1; k < words.length && k <= j + WINDOW; k++) {
    if (breakBefore[k]) return false;
    const w = words[k] as string;
    if (SKIPPED.has(w) || /^\d+$/.test(w)) continue;
    // "the 2 hours of waiting", "les 3 mois de retard": the object follows the duration's "of"
    if (DURATION_OF.has(w) && DURATION_UNITS.has(words[k - 1] as string)) continue;
    return negativeAt(k);
  }
  return false;
}

/**
 * Thanks or praise for a misfortune is sarcasm: "thanks for the 4 hour delay", "thank you for losing my bag",
 * "merci pour l'attente", "well done on losing my luggage", "congrats on another cancellation", "bravo pour le
 * retard"; so is loving one: "I love being ignored", "love waiting 2 hours at the gate". Riloff et al. (2013,
 * "Sarcasm as contrast between a positive sentiment and negative situation") found this contrast, a positive
 * phrase whose object is a negative situation, the most common form of sarcasm in tweets. The rules are narrow:
 * the first content word after "for"/"on"/"pour" (determiners, numbers and durations skipped) must itself be
 * a negative term ("Thanks for the help with my delayed flight": help first, stays thanks); after "love" (or
 * "enjoy", "adore"), "being" must be followed by a negative term within three words ("love being ignored"),
 * or a waiting word by a long wait the clause states ("love waiting 2 hours"; "I love waiting at the lounge"
 * stays praise).
 */
import { DURATION_UNITS, isDurationComplaint } from './duration-complaint.ts';

const THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'thanx', 'ty', 'merci', 'congrats', 'congratulations', 'bravo', 'kudos', 'felicitations']);
/** Two-word praise ("well done on …", "great job losing …"). */
const PRAISE_PAIRS: ReadonlySet<string> = new Set(['well done', 'good job', 'great job', 'nice job', 'nice work', 'great work', 'bien joue']);
const FOR: ReadonlySet<string> = new Set(['for', 'on', 'pour']);
const LOVE: ReadonlySet<string> = new Set(['love', 'loving', 'loved', 'enjoy', 'enjoying', 'adore', 'adoring']);
const WAITING_GERUNDS: ReadonlySet<string> = new Set(['waiting', 'queuing', 'queueing', 'sitting', 'standing', 'spending']);
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
  if (LOVE.has(words[i] as string)) return isSarcasticLove(words, breakBefore, i, negativeAt);
  const pair = PRAISE_PAIRS.has(`${words[i]} ${words[i + 1] ?? ''}`);
  if (!pair && !THANKS.has(words[i] as string)) return false;
  let j = pair ? i + 2 : i + 1;
  if (words[i] === 'thank' && words[j] === 'you') j++;
  if (breakBefore[j]) return false;
  // "great job losing my bag": the misfortune itself, as a gerund, right after the praise
  if (!FOR.has(words[j] ?? '')) return (words[j] ?? '').endsWith('ing') && negativeAt(j);
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

/** "I love being ignored", "love waiting 2 hours at the gate" (see the file comment). */
function isSarcasticLove(words: readonly string[], breakBefore: readonly boolean[], i: number, negativeAt: (j: number) => boolean): boolean {
  const next = words[i + 1] ?? '';
  if (breakBefore[i + 1]) return false;
  if (next === 'being') {
    for (let k = i + 2; k < words.length && k <= i + 4; k++) {
      if (breakBefore[k]) return false;
      if (negativeAt(k)) return true;
    }
    return false;
  }
  return WAITING_GERUNDS.has(next) && isDurationComplaint(words);
}

/**
 * Having to contact a company again and again is a complaint: "I called three times", "had to call back four
 * times", "emailed them several times", "j'ai appelé trois fois", "j'ai dû rappeler quatre fois", "relancé à
 * plusieurs reprises". Customers state the count and rarely add an opinion word, so the lexicon read such
 * clauses as neutral (issue 10 names repeated contacts among the factual complaints).
 *
 * The rule needs a contact verb (call, phone, email, write, chase, contact; appeler, rappeler, téléphoner,
 * écrire, relancer, contacter) and, at most three words after it, a count of three or more ("3", "five",
 * "several", "multiple", "countless", "plusieurs", "maintes") followed by "times", "fois" or "reprises".
 * Twice is not enough ("I called twice and it was sorted"). French "ça fait trois fois que …" (the third time
 * running, whatever the verb) counts too.
 */

import { numberWordValue } from './number-words.ts';

/** Valence of such a clause (one hit). */
export const REPEATED_CONTACT = -1.5;

/**
 * Folded forms of contact verbs: English whole words ("rang", not "range"; "phoned", not the noun "phone"),
 * French stems ("appelé", "rappeler", "téléphoné", "écrit", "relancé", "contacté"; not "contactless").
 * "call" and "calls" are nouns too ("3 calls"): as for every verb, the count and "times" must follow.
 */
const CONTACT = /^(?:call(?:s|ed|ing)?|rang|rung|phon(?:ed|ing)|e?mail(?:ed|ing)|messag(?:ed|ing)|contact(?:ed|ing)?|wrote|written|chas(?:ed|ing))$|^(?:r?appel|telephon|ecri|relanc)|^contact(?:e|er|es|ez|ons|ee|ees)?$/;
/** Counts without a number that mean three or more. */
const MANY: ReadonlySet<string> = new Set([
  'several', 'multiple', 'many', 'numerous', 'countless', 'dozen', 'dozens', 'plusieurs', 'maintes', 'multiples', 'nombreuses', 'innombrables',
]);
const TIMES: ReadonlySet<string> = new Set(['times', 'fois', 'reprises']);
/** Words the count may follow the verb by. */
const REACH = 3;

const isCount = (w: string): boolean => MANY.has(w) || (numberWordValue(w) ?? 0) >= 3 || (/^\d+$/.test(w) && Number(w) >= 3);

/** Does this clause (folded words) say the customer had to contact the company three times or more? */
export function isRepeatedContact(words: readonly string[]): boolean {
  // most clauses say no "times": one set lookup per word before anything else
  if (!words.some((w) => TIMES.has(w))) return false;
  for (let k = 0; k < words.length; k++) {
    // "ça fait trois fois que je renvoie le produit": whatever is done the third time running
    if (words[k] === 'fait' && isCount(words[k + 1] ?? '') && words[k + 2] === 'fois' && words[k + 3] === 'que') return true;
    if (!CONTACT.test(words[k] as string)) continue;
    for (let j = k + 1; j <= k + REACH + 1 && j + 1 < words.length; j++) {
      if (isCount(words[j] as string) && TIMES.has(words[j + 1] as string)) return true;
    }
  }
  return false;
}

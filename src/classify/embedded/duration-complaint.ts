/**
 * A long wait stated as a duration is a complaint: "it took 4 months to set up my broadband", "been waiting
 * 3 weeks for a reply", "on hold for 2 hours", "j'attends depuis 3 semaines", "ils ont mis 2 mois à répondre".
 * Customers rarely add an opinion word to it, so the lexicon read such clauses as neutral.
 *
 * The rule needs a waiting or taking word and a duration in the same clause, the duration long for what
 * that word says: hours or more for waiting ("waited 3 days", "on the phone for 4 hours"), weeks or more for taking ("took 2 days to
 * arrive" is a delivery time, not a complaint). "Only", "just", "within", "less than", "seulement",
 * "en moins de" before the duration make it a compliment, and the rule does not apply.
 */

/** Valence of such a clause (one hit). */
export const DURATION_COMPLAINT = -1.5;

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'many', 'couple',
  'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'plusieurs', 'quelques',
]);
const HOURS: ReadonlySet<string> = new Set(['hour', 'hours', 'hr', 'hrs', 'heure', 'heures', 'h']);
const DAYS: ReadonlySet<string> = new Set(['day', 'days', 'jour', 'jours']);
const WEEKS: ReadonlySet<string> = new Set(['week', 'weeks', 'month', 'months', 'year', 'years', 'semaine', 'semaines', 'mois', 'an', 'ans', 'annee', 'annees']);
const UNITS: ReadonlySet<string> = new Set([...HOURS, ...DAYS, ...WEEKS]);
/** Words of waiting (a wait of hours is already long: "stuck in Denver for 5 hours", "2 hours on the tarmac") and of taking (weeks or more). */
const WAITING = /^(wait|attend|relanc|stuck|tarmac|coince|bloque)/;
const TAKING = /^(took|taken|taking|takes|take|mis|met|mettre|pris|prend|prendre)$/;
const SHORT = new Set(['only', 'just', 'within', 'less', 'under', 'seulement', 'que', 'moins', 'juste']);

const isNumber = (w: string): boolean => /^\d+$/.test(w) || NUMBER_WORDS.has(w);

/** Does this clause (folded words) state a long wait? */
export function isDurationComplaint(words: readonly string[]): boolean {
  // most clauses name no duration: one set lookup per word before anything else
  if (!words.some((w) => UNITS.has(w))) return false;
  let waiting = false;
  let taking = false;
  /** "on hold", "on the phone", "au téléphone" wait too, for the duration after them ("holding up after 2 years" does not) */
  let onLineFrom = Infinity;
  words.forEach((w, k) => {
    if (WAITING.test(w)) waiting = true;
    else if (TAKING.test(w)) taking = true;
    else if ((w === 'hold' && words[k - 1] === 'on') || ((w === 'phone' || w === 'telephone') && (words[k - 1] === 'the' || words[k - 1] === 'au'))) onLineFrom = Math.min(onLineFrom, k);
  });
  if (!waiting && !taking && onLineFrom === Infinity) return false;
  for (let k = 1; k < words.length; k++) {
    const unit = words[k] as string;
    const waited = waiting || k > onLineFrom;
    const long = ((WEEKS.has(unit) && (taking || waited)) || ((HOURS.has(unit) || DAYS.has(unit)) && waited));
    if (!long) continue;
    // the number right before the unit, or two words before ("a couple of weeks", "over 4 hours")
    const at = isNumber(words[k - 1] as string) ? k - 1 : (words[k - 1] === 'of' || words[k - 1] === 'de') && isNumber(words[k - 2] ?? '') ? k - 2 : -1;
    if (at < 0) continue;
    if ([1, 2, 3].some((d) => SHORT.has(words[at - d] ?? ''))) continue;
    return true;
  }
  return false;
}

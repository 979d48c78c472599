/**
 * A long wait stated as a duration is a complaint: "it took 4 months to set up my broadband", "been waiting
 * 3 weeks for a reply", "on hold for 2 hours", "j'attends depuis 3 semaines", "ils ont mis 2 mois à répondre".
 * Customers rarely add an opinion word to it, so the lexicon read such clauses as neutral.
 *
 * The rule needs a waiting or taking word and a duration in the same clause, the duration long for what
 * that word says: hours or more for waiting ("waited 3 days", "on the phone for 4 hours", "two hours in line", "queued for
 * an hour", "une heure de queue", "under review for two months", "kept us on the plane for an hour"), weeks or more for taking ("took 2 days to
 * arrive" is a delivery time, not a complaint); "an hour" of waiting counts, and 30 minutes or more ("45 min wait for a wheelchair"). "Only", "just", "within", "less than", "seulement",
 * "en moins de" before the duration make it a compliment, and the rule does not apply.
 */

import { numberWordValue } from './number-words.ts';

/** Valence of such a clause (one hit). */
export const DURATION_COMPLAINT = -1.5;

/** Counts without a number that a duration may have ("several hours", "a couple of weeks", "quelques semaines"). */
const VAGUE_COUNTS: ReadonlySet<string> = new Set(['several', 'many', 'couple', 'plusieurs', 'quelques']);
const HOURS: ReadonlySet<string> = new Set(['hour', 'hours', 'hr', 'hrs', 'heure', 'heures', 'h']);
const DAYS: ReadonlySet<string> = new Set(['day', 'days', 'jour', 'jours']);
const WEEKS: ReadonlySet<string> = new Set(['week', 'weeks', 'month', 'months', 'year', 'years', 'semaine', 'semaines', 'mois', 'an', 'ans', 'annee', 'annees']);
const MINUTES: ReadonlySet<string> = new Set(['min', 'mins', 'minute', 'minutes']);
/** Every unit of a duration, folded (both languages). */
export const DURATION_UNITS: ReadonlySet<string> = new Set([...HOURS, ...DAYS, ...WEEKS, ...MINUTES]);
/** A wait in minutes is long from this many ("45 min wait for a wheelchair"; "waited 10 minutes" is not a complaint). */
const LONG_MINUTES = 30;
/** "an hour", "une heure": one hour of waiting is long */
const ONE: ReadonlySet<string> = new Set(['an', 'a', 'une', 'one']);
/** Words of waiting (a wait of hours is already long: "stuck in Denver for 5 hours", "2 hours on the tarmac") and of taking (weeks or more). */
const WAITING = /^(wait|attend|relanc|stuck|tarmac|coince|bloque|queu|pending)/;
/** "under review for two months", "kept us on the plane for an hour", "processing for 10 days" wait too */
const isHeldUp = (words: readonly string[], k: number): boolean =>
  (words[k] === 'review' && words[k - 1] === 'under') || (words[k] === 'kept' && HELD.has(words[k + 1] ?? '')) || words[k] === 'processing';
const HELD: ReadonlySet<string> = new Set(['us', 'me', 'them', 'everyone']);
/** "sitting here", "sat on the plane", "sat at the gate" wait; "sat down for an hour to read" does not */
const SITTING = new Set(['sitting', 'sat']);
const SITTING_WHERE = new Set(['here', 'there', 'on', 'at', 'in']);
const TAKING = /^(took|taken|taking|takes|take|mis|met|mettre|pris|prend|prendre)$/;
const SHORT = new Set(['only', 'just', 'within', 'less', 'under', 'seulement', 'que', 'moins', 'juste']);

/** "2 hours in line", "in the line for an hour" wait; "in line with" is agreement */
const isInLine = (words: readonly string[], k: number): boolean =>
  words[k] === 'line' && (words[k - 1] === 'in' || (words[k - 1] === 'the' && words[k - 2] === 'in')) && words[k + 1] !== 'with';
const isNumber = (w: string): boolean => /^\d+$/.test(w) || numberWordValue(w) !== undefined || VAGUE_COUNTS.has(w);
/**
 * "only 2 hours", "within 3 days", "en moins de 3 jours": a short word up to three words before the number at
 * `at`; "under" only right before it ("under 2 hours", not "under review for two months")
 */
const saidShort = (words: readonly string[], at: number): boolean =>
  [1, 2, 3].some((d) => SHORT.has(words[at - d] ?? '') && (d === 1 || words[at - d] !== 'under'));

/** Does this clause (folded words) state a long wait? */
export function isDurationComplaint(words: readonly string[]): boolean {
  // most clauses name no duration: one set lookup per word before anything else
  if (!words.some((w) => DURATION_UNITS.has(w))) return false;
  let waiting = false;
  let taking = false;
  /** "on hold", "hold music", "on the phone", "au téléphone" wait too, for the duration after them ("holding up after 2 years" does not) */
  let onLineFrom = Infinity;
  words.forEach((w, k) => {
    if (WAITING.test(w) || (SITTING.has(w) && SITTING_WHERE.has(words[k + 1] ?? '')) || isInLine(words, k) || isHeldUp(words, k)) waiting = true;
    else if (TAKING.test(w)) taking = true;
    else if ((w === 'hold' && (words[k - 1] === 'on' || words[k + 1] === 'music')) || ((w === 'phone' || w === 'telephone') && (words[k - 1] === 'the' || words[k - 1] === 'au'))) onLineFrom = Math.min(onLineFrom, k);
  });
  if (!waiting && !taking && onLineFrom === Infinity) return false;
  for (let k = 1; k < words.length; k++) {
    const unit = words[k] as string;
    const waited = waiting || k > onLineFrom;
    if (MINUTES.has(unit)) {
      if (waited && Number(words[k - 1]) >= LONG_MINUTES && !saidShort(words, k - 1)) return true;
      continue;
    }
    const long = ((WEEKS.has(unit) && (taking || waited)) || ((HOURS.has(unit) || DAYS.has(unit)) && waited));
    if (!long) continue;
    // the number right before the unit ("an hour" counts), or two words before ("a couple of weeks", "over 4 hours")
    const counted = isNumber(words[k - 1] as string) || (HOURS.has(unit) && ONE.has(words[k - 1] as string));
    const at = counted ? k - 1 : (words[k - 1] === 'of' || words[k - 1] === 'de') && isNumber(words[k - 2] ?? '') ? k - 2 : -1;
    if (at < 0) continue;
    if (saidShort(words, at)) continue;
    return true;
  }
  return false;
}

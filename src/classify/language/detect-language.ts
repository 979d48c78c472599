/**
 * Language of a verbatim: 'fr', 'en' or 'other'.
 * Fast path: counts of discriminative French and English function words decide most texts
 * (and all short ones, where trigram statistics are unreliable); only undecided texts of some length
 * go to franc-min's trigram model, so detection stays far below 0.1 ms per typical verbatim.
 */
import { franc } from 'franc-min';
import type { Language } from '../classifier-types.ts';
import { isLexiconWord } from '../embedded/compile-lexicon.ts';
import { foldedWords } from '../embedded/fold-text.ts';
import { DETECT_EN, DETECT_FR } from './stopwords.ts';
import { WEB_LINK_PATTERN } from '../clauses/web-link-pattern.ts';

/** Only the first characters are looked at: enough to decide, bounded work on huge texts. */
const MAX_CHARS = 600;
const FRENCH_ACCENTS = /[éèêàùçâîôûœ]/i;
/** Below this many letters franc is not consulted (it needs context). */
const FRANC_MIN_LETTERS = 25;

export interface LanguageEvidence {
  readonly fr: number;
  readonly en: number;
  readonly words: number;
}

/** Counts of French and English marker words among the first words of a text. */
export function countLanguageMarkers(text: string): LanguageEvidence {
  const words = foldedWords(text.slice(0, MAX_CHARS));
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (DETECT_FR.has(w)) fr++;
    if (DETECT_EN.has(w)) en++;
  }
  return { fr, en, words: words.length };
}

/**
 * Very short texts without function words ("Quick service", "Disgusting service", "Nul"):
 * opinion words found in only one of the two sentiment lexicons, and English -ing / -ly endings.
 */
function shortTextGuess(text: string): Language {
  let score = 0;
  for (const w of foldedWords(text)) {
    const inEn = isLexiconWord('en', w);
    const inFr = isLexiconWord('fr', w);
    if (inEn && !inFr) score++;
    else if (inFr && !inEn) score--;
    else if (!inEn && !inFr && w.length > 4 && /(?:ing|ly)$/.test(w)) score++;
  }
  return score > 0 ? 'en' : score < 0 ? 'fr' : 'other';
}

/** @handles, #hashtags and web addresses: names, not words of the language ("@SouthwestAir the plane smells…" read as French) */
const NOT_LANGUAGE = new RegExp(`${WEB_LINK_PATTERN}|(?<![\\p{L}\\p{N}_])[@#][\\p{L}\\p{N}_]+`, 'gu');

export function detectLanguage(text: string): Language {
  const head = text.slice(0, MAX_CHARS).replace(NOT_LANGUAGE, ' ');
  const { fr, en, words } = countLanguageMarkers(head);
  if (words === 0) return 'other';
  const hi = Math.max(fr, en);
  const lo = Math.min(fr, en);
  const leader: Language = fr > en ? 'fr' : 'en';
  // decisive marker counts: short texts need one clear marker, longer ones a clear majority
  if (hi > lo && (words <= 6 || (hi >= 3 && hi >= 2 * lo))) return leader;
  const letters = head.replace(/[^\p{L}]/gu, '').length;
  if (letters < FRANC_MIN_LETTERS) {
    if (hi > lo) return leader;
    if (FRENCH_ACCENTS.test(head)) return 'fr';
    return shortTextGuess(head);
  }
  const code = franc(head, { minLength: FRANC_MIN_LETTERS });
  // between French and English, two or more markers of one and none of the other outvote franc's trigrams,
  // which often take a short English text for French ("Why is your exchange rate different on different days?")
  if ((code === 'fra' || code === 'eng') && hi >= 2 && lo === 0) return leader;
  // a French marker, French accents and not one English marker outvote franc's English ("On m'a envoyé le mauvais article")
  if (code === 'eng' && en === 0 && fr >= 1 && FRENCH_ACCENTS.test(head)) return 'fr';
  if (code === 'fra') return 'fr';
  if (code === 'eng') return 'en';
  // franc says another language: trust it unless French/English markers are plentiful
  if (hi > lo && hi >= Math.max(2, words * 0.2)) return leader;
  if (code === 'und' && hi > lo) return leader;
  return 'other';
}

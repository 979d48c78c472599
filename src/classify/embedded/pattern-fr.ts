/**
 * Fallback valences for French words the hand-written lexicon does not know: the French adjective
 * lexicon of Pattern (De Smedt & Daelemans 2012, "Pattern for Python", JMLR 13), as nlp.js ships it
 * stemmed in `@nlpjs/lang-fr` (MIT), looked up by the Snowball French stem of the folded word.
 *
 * Values keep Pattern's polarity scale [-1, 1]: a fallback word weighs at most a third of a strong
 * hand-written term. Near-neutral entries (|polarity| < 0.1) are dropped, function words ("plus",
 * "peu", "bien": STOPWORDS) never get a valence here (the scorer's rules give them their roles), nor do
 * descriptive, ordinal and nationality adjectives ("premier", "propre", "français": DESCRIPTIVE_WORDS). `PATTERN_FR_VERSION` hashes
 * the table, so an upgrade of the package invalidates cached classifications.
 *
 * Example: patternValence('abominable') === -0.9 (stem "abomin"); patternValence('table') === undefined
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { StemmerFr } from '@nlpjs/lang-fr';
import { z } from 'zod';
import { STOPWORDS } from '../language/stopwords.ts';

const MIN_POLARITY = 0.1;
/** Stems shorter than this are too ambiguous to look up ("bon" is in the hand-written lexicon anyway). */
const MIN_WORD = 4;

const PatternTable = z.record(z.string(), z.number().min(-1).max(1));

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function loadTable(): ReadonlyMap<string, number> {
  const raw: unknown = createRequire(import.meta.url)('@nlpjs/lang-fr/src/sentiment/pattern_fr.json');
  const parsed = PatternTable.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`@nlpjs/lang-fr pattern_fr.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const table = new Map<string, number>();
  for (const [stem, polarity] of Object.entries(parsed.data)) if (Math.abs(polarity) >= MIN_POLARITY) table.set(fold(stem), polarity);
  return table;
}

const TABLE = loadTable();

/**
 * Descriptive, ordinal and nationality adjectives that Pattern scores but that say nothing of an opinion in
 * reviews ("le premier épisode", "sa propre maison", "la version française", "un grand écran"): folded.
 */
const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(
  ('premier premiere premiers premieres dernier derniere derniers dernieres certain certaine certains certaines ' +
    'propre propres seul seule seuls seules grand grande grands grandes petit petite petits petites nouveau nouvel ' +
    'nouvelle nouveaux nouvelles vieux vieil vieille vieilles francais francaise francaises ' +
    'court courte courts courtes')
    .split(' '),
);
const stemmer = new StemmerFr();

export const PATTERN_FR_VERSION = createHash('sha256')
  .update(JSON.stringify([...TABLE].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
  .digest('hex')
  .slice(0, 12);

/** Pattern's polarity of a folded French word, or undefined when its stem is not in the table. */
export function patternValence(word: string): number | undefined {
  if (word.length < MIN_WORD || STOPWORDS.has(word) || DESCRIPTIVE_WORDS.has(word)) return undefined;
  return TABLE.get(fold(stemmer.stemWord(word)));
}

/**
 * Clause → stemmed content tokens for theme discovery: folded words minus French/English function
 * words and generic opinion words (which say how, not what), numbers and 1-2 letter words.
 */
import { foldedWords } from '../embedded/fold-text.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { stemToken } from './stem-token.ts';

/** Words frequent in any theme's verbatims that would glue unrelated clusters together. */
const OPINION_WORDS: ReadonlySet<string> = new Set(
  ('great good bad terrible awful poor nice excellent perfect love hate like really very thanks thank ok okay ' +
    'super bien mal nul nulle bon bonne mauvais mauvaise excellent parfait top genial merci vraiment tres trop ' +
    'assez peu plutot toujours jamais encore deja rien tout tous toute toutes chose choses fois depuis since still etc cela ca')
    .split(' ')
    .filter((w) => w.length > 0),
);

export interface ClauseTokens {
  /** stems, in order, with repeats */
  readonly stems: string[];
  /** folded surface word of each stem, same order */
  readonly words: string[];
}

export function tokenizeClause(text: string): ClauseTokens {
  const stems: string[] = [];
  const words: string[] = [];
  for (const w of foldedWords(text)) {
    if (w.length < 3 || /^\d+$/.test(w) || STOPWORDS.has(w) || OPINION_WORDS.has(w)) continue;
    stems.push(stemToken(w));
    words.push(w);
  }
  return { stems, words };
}

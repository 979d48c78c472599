/**
 * Clause → stemmed content tokens for theme discovery: folded words minus French/English function
 * words and frequent verb forms (COMMON_WORDS, but for "call", "work", "use"), question words and greetings, opinion words (which say how, not what: the fixed list below and
 * every clear opinion word of the sentiment lexicons), numbers and words with digits, 1-2 letter words;
 * @handles, URLs and e-mail addresses are removed before the words are read.
 *
 * A clause left without a topical token says nothing a theme could be about ("Why?", "Thanks so much!!",
 * "so frustrating", "@airline http://t.co/x"): `isTopicalClause` is false and discovery leaves it out.
 *
 * `clausePhrases` are the clause's runs of two or three folded words that start and end with a content word
 * (an opinion word may be one: "wrong amount"; stopwords only inside: "amount of cash") and hold at least
 * one topical word: the very words a taxonomy keyword phrase would have to match.
 */
import { isOpinionWord } from '../embedded/compile-lexicon.ts';
import { foldedWords } from '../embedded/fold-text.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { COMMON_WORDS } from '../lint/common-words.ts';
import { stemToken } from './stem-token.ts';
import { WEB_LINK_PATTERN } from '../clauses/web-link-pattern.ts';

/** Words frequent in any theme's verbatims that would glue unrelated clusters together. */
const OPINION_WORDS: ReadonlySet<string> = new Set(
  ('great good bad terrible awful poor nice excellent perfect love hate like really very thanks thank ok okay ' +
    'super bien mal nul nulle bon bonne mauvais mauvaise excellent parfait top genial merci vraiment tres trop ' +
    'assez peu plutot toujours jamais encore deja rien tout tous toute toutes chose choses fois depuis since still etc cela ca ' +
    // mild verdicts and closing remarks ("not acceptable", "highly recommend", "continuez comme ça", "rien à redire", "RAS")
    'acceptable fine decent adequate satisfactory correct correcte recommend recommended recommande highly overall ' +
    'globalement ensemble continuez continue redire ras')
    .split(' ')
    .filter((w) => w.length > 0),
);

/** Question words, greetings, politeness, time adverbs and bare requests: frequent in short messages, never what a theme is about. */
const FILLER_WORDS: ReadonlySet<string> = new Set(
  ('why where whom whose which what when how who please pls plz hello hey dear guys yes yeah lol omg ' +
    'now today yesterday tomorrow again ever don ' +
    // requests that name no topic of their own ("please fix this", "needs to improve", "à corriger rapidement")
    'fix fixed fixing improve improved improving improvement corriger corrige corrigez ameliorer ameliorez ameliore necessaire ' +
    // bare calls for help and "what happened" ("please help?", "can you help me", "aidez-moi")
    'help helps helped helping happen happens happened happening aidez aider ' +
    // verdicts against expectations ("we expected much more", "on attendait beaucoup mieux")
    'expected expecting expectations attendait attendais attendions attendu ' +
    'pourquoi comment quand combien quel quelle quels quelles bonjour bonsoir salut svp stp oui maintenant aujourd hui hier demain')
    .split(' '),
);

/** @handles, URLs (with or without a scheme) and e-mail addresses. */
const NOT_WORDS = new RegExp(`${WEB_LINK_PATTERN}|\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b|(?:^|\\s)@\\w+|\\b[\\w-]+\\.(?:com|net|org|fr|co|io|ly|be)(?:\\/\\S*)?`, 'giu');

/** Topical tokens a clause needs to be clustered: one ("late delivery" has one, "delivery"). */
export const MIN_TOPICAL_TOKENS = 1;

export interface ClauseTokens {
  /** stems, in order, with repeats */
  readonly stems: string[];
  /** folded surface word of each stem, same order */
  readonly words: string[];
}

/** Forms of frequent verbs that do say what a CX clause is about ("calls", "doesn't work", "use"). */
const TOPICAL_VERBS: ReadonlySet<string> = new Set(['call', 'called', 'work', 'works', 'worked', 'use', 'used', 'using']);

/** Is a folded word one that can name what a clause is about? Not a function word nor a frequent verb form ("going", "got"). */
export function isTopicalWord(word: string): boolean {
  return (
    word.length >= 3 && !/\d/.test(word) && (!COMMON_WORDS.has(word) || TOPICAL_VERBS.has(word)) && !FILLER_WORDS.has(word) && !OPINION_WORDS.has(word) && !isOpinionWord(word)
  );
}

/** Folded words of a clause, @handles, URLs and e-mail addresses removed. */
export function clauseWords(text: string): string[] {
  return foldedWords(text.replace(NOT_WORDS, ' '));
}

export function tokenizeClause(text: string): ClauseTokens {
  const stems: string[] = [];
  const words: string[] = [];
  for (const w of clauseWords(text)) {
    if (!isTopicalWord(w)) continue;
    stems.push(stemToken(w));
    words.push(w);
  }
  return { stems, words };
}

/** Does the clause say something topical (at least MIN_TOPICAL_TOKENS topical words)? */
export function isTopicalClause(tokens: ClauseTokens): boolean {
  return tokens.stems.length >= MIN_TOPICAL_TOKENS;
}

/** A word a phrase may start or end with: a content word, opinion words included. */
function isPhraseEdge(word: string): boolean {
  return word.length >= 3 && !/\d/.test(word) && !STOPWORDS.has(word) && !FILLER_WORDS.has(word);
}

/** Distinct runs of 2-3 folded words (see the file comment), in order of appearance. */
export function clausePhrases(text: string): string[] {
  const words = clauseWords(text);
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (!isPhraseEdge(words[i] as string)) continue;
    for (let len = 2; len <= 3 && i + len <= words.length; len++) {
      const run = words.slice(i, i + len);
      // an elided article ("d'", "l'": a one-letter word once folded) would make the phrase unreadable as a name
      if (isPhraseEdge(run[len - 1] as string) && run.some(isTopicalWord) && run.every((w) => w.length > 1)) found.add(run.join(' '));
    }
  }
  return [...found];
}

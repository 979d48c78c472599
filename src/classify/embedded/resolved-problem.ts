/**
 * A problem someone resolved is not a complaint: "the support team solves the problem", "fixed our
 * issue", "the issue was corrected", "l'erreur de facturation a été corrigée", "a résolu le souci".
 * The lexicon scorer gives such a problem noun no valence and lets the verb say how it went.
 */
import type { CompiledLexicon } from './compile-lexicon.ts';
import { isNegatorAt } from './negation.ts';

/** Nouns that name a problem, and the stems of verbs that resolve one (folded, both languages). */
const PROBLEM_NOUNS: ReadonlySet<string> = new Set([
  'problem', 'problems', 'issue', 'issues', 'bug', 'bugs', 'error', 'errors', 'mistake', 'mistakes', 'probleme', 'problemes', 'souci', 'soucis', 'incident', 'incidents', 'erreur', 'erreurs', 'panne', 'pannes',
]);
const RESOLVING_STEMS = ['solv', 'resolv', 'fix', 'sorted', 'corrected', 'resol', 'regl', 'repar', 'corrig'];

/**
 * Is word i a problem noun that a resolving verb takes as object (within three words before it) or as
 * subject (within five words after it), that verb not negated? A negated resolution stays a complaint:
 * "never fixed the issue", "the issue was not fixed", "n'a pas résolu le problème".
 */
export function isResolvedProblem(lex: CompiledLexicon, words: readonly string[], breakBefore: readonly boolean[], i: number): boolean {
  if (!PROBLEM_NOUNS.has(words[i] as string)) return false;
  const resolving = (j: number): boolean => RESOLVING_STEMS.some((s) => (words[j] as string).startsWith(s));
  const negatedBefore = (j: number, from: number): boolean => {
    for (let k = j - 1; k >= from; k--) {
      if (breakBefore[k + 1]) return false;
      if (isNegatorAt(lex, words, k)) return true;
    }
    return false;
  };
  for (let j = i - 1; j >= Math.max(0, i - 3) && !breakBefore[j + 1]; j--) if (resolving(j)) return !negatedBefore(j, Math.max(0, j - 3));
  for (let j = i + 1; j <= Math.min(words.length - 1, i + 5) && !breakBefore[j]; j++) if (resolving(j)) return !negatedBefore(j, i + 1);
  return false;
}

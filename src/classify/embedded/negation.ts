/**
 * Is the word at j a negator for the lexicon scorer? The language's negator list ("not", "never", "pas",
 * "jamais"…) plus the words whose role depends on their neighbours: French "plus" after "ne", "peu"
 * but not "un peu", "personne ne", "moins" but not "au moins", English "less" but not "less than", "far from" and
 * "loin d'être",
 * and counterfactuals ("would have been perfect", "aurait été parfait" describe what is missing).
 */
import type { CompiledLexicon } from './compile-lexicon.ts';

/** The French "ne" / "n'" of a split negation. */
export const NE: ReadonlySet<string> = new Set(['ne', 'n']);
const COUNTERFACTUAL_EN = new Set(['would', 'could', 'should', 'might']);
const COUNTERFACTUAL_FR = new Set(['aurait', 'aurais', 'auraient', 'aurions', 'auriez']);
const NOT_DENIED_AFTER_SANS = new Set(['doute', 'arret', 'cesse']);

export function isNegatorAt(lex: CompiledLexicon, words: readonly string[], j: number): boolean {
  const w = words[j] as string;
  if (w === 'plus') return NE.has(words[j - 1] ?? '') || NE.has(words[j - 2] ?? '');
  if (w === 'peu') return !['un', 'a', 'tres', 'si'].includes(words[j - 1] ?? '');
  if (w === 'not' && words[j + 1] === 'only') return false;
  // counterfactuals: "would have been perfect", "aurait été parfait", "aurait pu être bien" describe what is missing
  if (w === 'been') return words[j - 1] === 'have' && COUNTERFACTUAL_EN.has(words[j - 2] ?? '');
  if (w === 'ete') return COUNTERFACTUAL_FR.has(words[j - 1] ?? '');
  if (w === 'etre') return words[j - 1] === 'pu' && COUNTERFACTUAL_FR.has(words[j - 2] ?? '');
  // "sans doute la meilleure série": "sans doute" is "probably", not a negation; "sans arrêt" / "sans cesse"
  // ("des rebondissements sans cesse passionnants") mean "constantly"
  if (w === 'sans') return !NOT_DENIED_AFTER_SANS.has(words[j + 1] ?? '') && !(words[j + 1] === 'aucun' && words[j + 2] === 'doute');
  if (w === 'aucun' && words[j - 1] === 'sans' && words[j + 1] === 'doute') return false;
  if (w === 'personne') return words[j + 1] === 'ne' || words[j + 1] === 'n';
  // "moins cher" / "less helpful" invert, "au moins" / "du moins" / "plus ou moins" do not
  if (w === 'moins') return !['au', 'du', 'ou', 'a'].includes(words[j - 1] ?? '');
  if (w === 'less') return !['no', 'more', 'or'].includes(words[j - 1] ?? '') && words[j + 1] !== 'than';
  // "far from perfect", "loin d'être drôle": what follows is denied
  if (w === 'far') return words[j + 1] === 'from';
  if (w === 'loin') return words[j + 1] === 'd' && words[j + 2] === 'etre';
  return lex.negators.has(w);
}

/** "such", "so", "aussi"…: degree words of a comparison with everything ever known. */
const COMPARED: ReadonlySet<string> = new Set(['such', 'so', 'as', 'this', 'that', 'aussi', 'si', 'autant', 'tellement', 'tant', 'pareil', 'pareille']);
const NEVER: ReadonlySet<string> = new Set(['never', 'jamais']);
const STANDARD: ReadonlySet<string> = new Set(['as', 'than', 'que', 'qu']);
/** How far back from the term "never" / "jamais" is looked for. */
const NEVER_REACH = 6;

/**
 * "I have never had such a good phone", "never been so disappointed", "je n'ai jamais eu un aspirateur aussi
 * puissant": "never" before a comparison negates nothing, it makes the term a superlative. True when word i
 * follows one of COMPARED (one or two words before it) and "never" / "jamais" comes before that, in the clause,
 * and no standard of comparison follows ("never as good as…").
 */
export function isNeverSuperlative(words: readonly string[], breakBefore: readonly boolean[], i: number): boolean {
  let compared = -1;
  for (let j = 1; j <= 2 && i - j >= 0 && !breakBefore[i - j + 1]; j++) if (COMPARED.has(words[i - j] as string)) compared = i - j;
  // "never as good as the first one", "jamais aussi bon que prévu": a comparison with a standard, the negation stands
  if (compared < 0 || STANDARD.has(words[i + 1] ?? '') || STANDARD.has(words[i + 2] ?? '')) return false;
  for (let k = compared - 1; k >= 0 && k >= i - NEVER_REACH && !breakBefore[k + 1]; k--) if (NEVER.has(words[k] as string)) return true;
  return false;
}

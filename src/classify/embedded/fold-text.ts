/**
 * Case- and accent-folding shared by the embedded engine: lexicon keys, taxonomy keywords and
 * verbatim tokens are all compared in this folded form ("Déçue" → "decue", "ŒUVRE" → "oeuvre").
 */
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES = /[œæß]/g;
const LIGATURE_MAP: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lower-case and strip accents; ASCII input takes a fast path. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURES, (c) => LIGATURE_MAP[c] ?? c)
    .replace(/[’ʼ‘`´]/g, "'");
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded word tokens of a text (letters and digits; apostrophes and hyphens split words). */
const ASCII_WORD = /[a-z0-9]+/g;

export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return (ASCII_ONLY.test(folded) ? folded.match(ASCII_WORD) : folded.match(WORD)) ?? [];
}

/**
 * Folded words of a term as a lexicon or a taxonomy writes it, where a written word may end with '*' (any
 * ending): the '*' marks the last folded word of its written word ("not go* through" → not, go*, through;
 * "chargé* de compte" → charge*, de, compte).
 */
export function foldedTermWords(term: string): Array<{ text: string; prefix: boolean }> {
  return term
    .trim()
    .split(/\s+/)
    .flatMap((token) => {
      const prefix = token.endsWith('*');
      const folded = foldedWords(prefix ? token.slice(0, -1) : token);
      return folded.map((text, i) => ({ text, prefix: prefix && i === folded.length - 1 }));
    });
}

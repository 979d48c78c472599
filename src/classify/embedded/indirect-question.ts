/**
 * Indirect questions: they ask without a "?" ("I'd like to know if the offer is available", "je voudrais
 * savoir si l'offre est disponible", "est-ce que la livraison est gratuite"), so a praise word inside one is
 * irrealis, as in a direct question (score-lexicon.ts).
 *
 * The question is the part of the clause (between punctuation) that opens with the frame, not the whole clause:
 * in "Bonjour, je voudrais savoir si l'offre est disponible, merci d'avance" only "je voudrais savoir si l'offre est
 * disponible" is asked, and the thanks still count. A frame only counts at the start of its part (after a greeting
 * word or two), so "I know if it breaks they won't care" asks nothing.
 *
 * Works on the scorer's folded words ("I'd" → "i d", "est-ce" → "est ce").
 *
 * Example:
 *   indirectQuestionWords(['bonjour', 'je', 'voudrais', 'savoir', 'si', 'c', 'est', 'possible', 'merci'], [false, true, …, true])
 *   // → words 1–7 asked, 'bonjour' and 'merci' not
 */

/** A part's words joined by spaces, matched from its first word. */
const FRAME =
  /^(?:(?:hi|hello|bonjour|salut|please|svp|s il vous plait) ){0,2}(?:(?:i|we) (?:d |would )?(?:like|want|need|wanted) to know (?:if|whether)\b|(?:i|we) (?:am |are |m |re )?(?:wondering|wonder) (?:if|whether)\b|(?:can|could) (?:you|someone|anyone) (?:tell|let) (?:me|us) (?:know )?(?:if|whether)\b|(?:je|j|nous) (?:voudrais|voudrions|aimerais|aimerions|souhaite|souhaiterais|souhaitons|veux|voulais) savoir si\b|je me demande si\b|(?:pouvez|pourriez) vous (?:me|nous) (?:dire|confirmer|indiquer) si\b|est ce qu)/;

/** Words one of the frames holds: a clause without any asks nothing indirectly (most do not), and no part is joined. */
const TRIGGERS: ReadonlySet<string> = new Set(['know', 'tell', 'wondering', 'wonder', 'savoir', 'demande', 'dire', 'confirmer', 'indiquer', 'ce']);

/**
 * Per word of a clause, whether it lies in a part asked indirectly; undefined when no part is (the common case).
 * `breakBefore[i]`: punctuation separates word i from word i − 1.
 */
export function indirectQuestionWords(words: readonly string[], breakBefore: readonly boolean[]): boolean[] | undefined {
  if (!words.some((w) => TRIGGERS.has(w))) return undefined;
  let asked: boolean[] | undefined;
  for (let start = 0; start < words.length; ) {
    let end = start + 1;
    while (end < words.length && breakBefore[end] !== true) end++;
    if (FRAME.test(words.slice(start, end).join(' '))) {
      asked ??= new Array<boolean>(words.length).fill(false);
      asked.fill(true, start, end);
    }
    start = end;
  }
  return asked;
}

/**
 * A deliberately light FR/EN suffix stripper for matching theme labels and examples:
 * "billing", "billed", "bills" → "bill"; "facturation", "facturé", "factures" → "factur".
 * Words of four letters or fewer are kept as they are; stems keep at least three letters.
 */
const SUFFIXES = ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ments', 'ment', 'euses', 'euse', 'eurs', 'eur', 'ings', 'ing', 'ers', 'ees', 'ies', 'es', 'ed', 'er', 'ee', 'ez', 's', 'e', 'y'];

export function lightStem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

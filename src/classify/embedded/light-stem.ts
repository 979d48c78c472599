/**
 * A deliberately light FR/EN suffix stripper for matching theme labels and examples:
 * "billing", "billed", "bills" → "bill"; "facturation", "facturé", "factures" → "factur".
 * Words of four letters or fewer are kept as they are; stems keep at least three letters.
 */
import { BoundedMemo } from '../../util/bounded-memo.ts';

const SUFFIXES = ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ments', 'ment', 'euses', 'euse', 'eurs', 'eur', 'ings', 'ing', 'ers', 'ees', 'ies', 'es', 'ed', 'er', 'ee', 'ez', 's', 'e', 'y'];

const stems = new BoundedMemo<string>(100_000);

function stemOf(word: string): string {
  for (const suffix of SUFFIXES) if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  return word;
}

export function lightStem(word: string): string {
  return word.length <= 4 ? word : stems.get(word, stemOf);
}

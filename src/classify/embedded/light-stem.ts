/**
 * A deliberately light FR/EN suffix stripper for matching theme labels and examples:
 * "billing", "billed", "bills" → "bill"; "facturation", "facturé", "factures" → "factur".
 * Words of four letters or fewer are kept as they are; stems keep at least three letters.
 */
const SUFFIXES = ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ments', 'ment', 'euses', 'euse', 'eurs', 'eur', 'ings', 'ing', 'ers', 'ees', 'ies', 'es', 'ed', 'er', 'ee', 'ez', 's', 'e', 'y'];

const memo = new Map<string, string>();
const MEMO_LIMIT = 100_000;

export function lightStem(word: string): string {
  if (word.length <= 4) return word;
  const known = memo.get(word);
  if (known !== undefined) return known;
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      stem = word.slice(0, -suffix.length);
      break;
    }
  }
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(word, stem);
  return stem;
}

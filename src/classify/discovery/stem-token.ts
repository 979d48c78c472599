/**
 * A light French/English stemmer for clustering: strips one inflectional or derivational suffix
 * from a folded (lower-case, accent-free) word so "livraisons", "livraison" and "delais"/"delai"
 * meet. Deliberately crude: stems only need to be stable, not linguistic.
 */
const SUFFIXES = [
  'issements', 'issement', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'euses', 'euse', 'ings', 'ing',
  'ables', 'able', 'ives', 'ive', 'ites', 'ite', 'ness', 'eux', 'ies', 'ees', 'ee', 'ers', 'er', 'ez', 'ed', 'es', 'ly', 'e', 's', 'x',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

export function stemToken(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      return suffix === 'ies' ? `${stem}y` : stem;
    }
  }
  return word;
}

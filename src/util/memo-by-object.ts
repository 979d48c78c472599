/**
 * A function of an object computed once per object (a WeakMap: the value goes with its object), e.g. the
 * hashtag vocabulary of a compiled taxonomy or lexicon.
 *
 * Example:
 *   const vocabularyOf = memoByObject((tax: CompiledTaxonomy) => ({ known: (w: string) => tax.vocabulary.has(w) }));
 *   vocabularyOf(tax) === vocabularyOf(tax) // true
 */
export function memoByObject<K extends object, V extends NonNullable<unknown>>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined) return known;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}

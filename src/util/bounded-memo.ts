/**
 * A memo of a pure function of a string, emptied when it passes `limit` entries: the classifiers' per-word
 * memos (stems, valences, feature hashes, keyword candidates) see millions of distinct words in a night
 * and must stay bounded. Values are never undefined (store null for "nothing").
 *
 * Example:
 *   const stems = new BoundedMemo<string>(100_000);
 *   stems.get('billing', stemOf) // computed once, then read from the memo
 */
export class BoundedMemo<V extends NonNullable<unknown> | null> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const made = compute(key);
    if (this.values.size > this.limit) this.values.clear();
    this.values.set(key, made);
    return made;
  }
}

import { describe, expect, it } from 'vitest';
import { memoByObject } from '../../src/util/memo-by-object.ts';

describe('memoByObject (the hashtag vocabularies of a taxonomy and of a lexicon)', () => {
  it('makes one value per object', () => {
    let made = 0;
    const of = memoByObject((o: { n: number }) => ({ twice: 2 * o.n, id: ++made }));
    const a = { n: 1 };
    const b = { n: 1 };
    expect(of(a)).toBe(of(a));
    expect(of(b)).not.toBe(of(a));
    expect(of(b).twice).toBe(2);
    expect(made).toBe(2);
  });
});

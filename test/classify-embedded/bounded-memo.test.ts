import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/util/bounded-memo.ts';
import { memoByObject } from '../../src/util/memo-by-object.ts';

describe('BoundedMemo (the per-word memos of the classifiers)', () => {
  it('computes a key once, keeps null as a value, and empties itself past its limit', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<number | null>(2);
    const f = (k: string): number | null => {
      calls.push(k);
      return k === 'none' ? null : k.length;
    };
    expect(memo.get('abc', f)).toBe(3);
    expect(memo.get('abc', f)).toBe(3);
    expect(memo.get('none', f)).toBeNull();
    expect(memo.get('none', f)).toBeNull();
    expect(calls).toEqual(['abc', 'none']);
    // a third key still goes in (the memo empties when it holds more than its limit); the fourth empties it first
    memo.get('x', f);
    memo.get('yy', f);
    memo.get('abc', f);
    expect(calls).toEqual(['abc', 'none', 'x', 'yy', 'abc']);
  });
});

describe('memoByObject (the hashtag vocabularies)', () => {
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

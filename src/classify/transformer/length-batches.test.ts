import { describe, expect, it } from 'vitest';
import { planLengthBatches, restoreOrder } from './length-batches.ts';
import { truncateChars } from './truncate-text.ts';

describe('planLengthBatches / restoreOrder', () => {
  it('sorts by length, pads each batch to its own max, and restores order', () => {
    const lengths = [9, 2, 7, 2, 30, 5];
    const batches = planLengthBatches(lengths, 2);
    expect(batches.map((b) => b.indices)).toEqual([[1, 3], [5, 2], [0, 4]]);
    expect(batches.map((b) => b.maxLength)).toEqual([2, 7, 30]);
    const results = batches.map((b) => b.indices.map((i) => `item${i}`));
    expect(restoreOrder(batches, results, lengths.length)).toEqual(lengths.map((_, i) => `item${i}`));
  });
  it('rejects a bad batch size and mismatched results', () => {
    expect(() => planLengthBatches([1], 0)).toThrow(/batch size/);
    const batches = planLengthBatches([1, 2], 2);
    expect(() => restoreOrder(batches, [['only one']], 2)).toThrow(/1 results for 2 items/);
  });
});

describe('truncateChars', () => {
  it('keeps short texts and cuts long ones at a space', () => {
    expect(truncateChars('short text', 128)).toBe('short text');
    const long = 'word '.repeat(50_000);
    const cut = truncateChars(long, 128);
    expect(cut.length).toBeLessThanOrEqual(128 * 12);
    expect(cut.length).toBeGreaterThan(128 * 12 * 0.8);
    expect(cut.endsWith('word')).toBe(true);
  });
});

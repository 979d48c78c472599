import { describe, expect, it } from 'vitest';
import { scoreClassification } from '../../src/classify/eval/score-classification.ts';

describe('scoreClassification', () => {
  it('computes accuracy, macro-F1, confusion and per-label scores', () => {
    const gold = ['pos', 'pos', 'pos', 'neg', 'neg', 'neu'];
    const pred = ['pos', 'pos', 'neg', 'neg', 'pos', 'neu'];
    const s = scoreClassification(gold, pred);
    expect(s.labels).toEqual(['neg', 'neu', 'pos']);
    expect(s.confusion).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(s.accuracy).toBeCloseTo(4 / 6);
    const pos = s.perLabel.find((l) => l.label === 'pos');
    expect(pos).toMatchObject({ precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(s.macroF1).toBeCloseTo((0.5 + 1 + 2 / 3) / 3);
    expect(s.majorityAccuracy).toBeCloseTo(0.5);
  });

  it('counts predicted-only labels as errors but not in the macro average', () => {
    const s = scoreClassification(['a', 'b'], ['a', 'z']);
    expect(s.labels).toEqual(['a', 'b', 'z']);
    expect(s.accuracy).toBe(0.5);
    expect(s.macroF1).toBeCloseTo(0.5);
  });

  it('rejects mismatched lengths and handles empty input', () => {
    expect(() => scoreClassification(['a'], [])).toThrow(/differ/);
    expect(scoreClassification([], [])).toMatchObject({ n: 0, accuracy: 0, macroF1: 0 });
  });
});

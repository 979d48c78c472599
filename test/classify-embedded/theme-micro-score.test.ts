import { describe, expect, it } from 'vitest';
import { themeMicroScore } from '../../src/classify/eval/theme-micro-score.ts';

describe('themeMicroScore', () => {
  it('counts hits, false alarms and misses by hand', () => {
    // text 1 right; text 2 missed ('none'); text 3 wrong theme (a false alarm and a miss);
    // text 4 gold 'none' predicted a theme (a false alarm); text 5 'none' both ways (counts nowhere)
    const gold = ['a', 'b', 'a', 'none', 'none'];
    const predicted = ['a', 'none', 'b', 'c', 'none'];
    const s = themeMicroScore(gold, predicted, 'none');
    expect(s).toMatchObject({ hits: 1, predictedThemes: 3, goldThemes: 3 });
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.f1).toBeCloseTo(1 / 3, 12);
  });

  it('is 0, not NaN, with nothing predicted or nothing to find, and refuses lists of different lengths', () => {
    expect(themeMicroScore(['a'], ['none'], 'none')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(themeMicroScore(['none'], ['none'], 'none')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(() => themeMicroScore(['a'], [], 'none')).toThrow(/differ in length/);
  });
});

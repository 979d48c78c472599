/**
 * ARR bands: labels computed once per bands array, band positions found numerically.
 */
import { describe, it, expect } from 'vitest';
import { arrBand, arrBandIndex, arrBandLabels } from '../../src/analyze/drivers/design-matrix.ts';

describe('ARR bands', () => {
  const bands = [25_000, 100_000, 500_000];
  it('labels every position, the open top band and unknown', () => {
    expect(arrBandLabels(bands)).toEqual(['under 25k', '25k-100k', '100k-500k', '500k and over', 'unknown']);
    expect(arrBandLabels([1e9, 2.5e9])).toEqual(['under 1000M', '1000M-2500M', '2500M and over', 'unknown']);
  });

  it('puts a value in the band whose upper bound it is below; missing or infinite ARR is unknown', () => {
    const cases: [number, string][] = [
      [0, 'under 25k'], [24_999.99, 'under 25k'], [25_000, '25k-100k'], [100_000, '100k-500k'], [500_000, '500k and over'],
      [Number.NaN, 'unknown'], [Number.POSITIVE_INFINITY, 'unknown'],
    ];
    for (const [arr, label] of cases) {
      expect(arrBand(arr, bands)).toBe(label);
      expect(arrBandLabels(bands)[arrBandIndex(arr, bands)]).toBe(label);
    }
  });
});

import { describe, it, expect } from 'vitest';
import { formatMoney, formatPValue } from '../../src/util/format-figures.ts';

describe('formatPValue / formatMoney', () => {
  it('never prints a p-value as 0', () => {
    expect(formatPValue(0, 'en-GB')).toBe('< 0.001');
    expect(formatPValue(1e-12, 'en-GB')).toBe('< 0.001');
    expect(formatPValue(0.0004999, 'fr-FR')).toBe('< 0,001');
    expect(formatPValue(0.0123, 'en-GB')).toBe('0.012');
    expect(formatPValue(0.5, 'fr-FR')).toBe('0,500');
    expect(formatPValue(Number.NaN, 'en-GB')).toBe('n/a');
    expect(formatPValue(null, 'en-GB', '—')).toBe('—');
  });

  it('writes money in the reader’s scale, per language', () => {
    expect(formatMoney(15195139, 'EUR', 'en-GB')).toBe('€15.2m');
    expect(formatMoney(850000, 'EUR', 'en-GB')).toBe('€850k');
    expect(formatMoney(15195139, 'EUR', 'fr-FR').replace(/\s/gu, ' ')).toBe('15,2 M €');
    expect(formatMoney(-14300000, 'EUR', 'en-GB')).toBe('-€14.3m');
    expect(formatMoney(850, 'USD', 'en-GB')).toBe('US$850');
    expect(formatMoney(undefined, 'EUR', 'en-GB')).toBe('n/a');
  });
});

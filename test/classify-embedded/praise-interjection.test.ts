import { describe, expect, it } from 'vitest';
import { interjectionKind, splitInterjection } from '../../src/classify/embedded/praise-interjection.ts';

describe('praise interjections', () => {
  it('knows a bare interjection of praise or politeness, fillers and @handles aside', () => {
    expect(interjectionKind('Great.')).toBe('sarcastic');
    expect(interjectionKind('Oh great')).toBe('sarcastic');
    expect(interjectionKind('@airline great job again')).toBe('sarcastic');
    expect(interjectionKind('bravo')).toBe('sarcastic');
    expect(interjectionKind('Thanks!')).toBe('polite');
    expect(interjectionKind('Merci beaucoup')).toBe('polite');
    expect(interjectionKind('great crew')).toBeUndefined();
    expect(interjectionKind('thanks for the help')).toBeUndefined();
  });

  it('finds one among the comma-separated parts of a clause, and keeps the rest', () => {
    expect(splitInterjection('Lost my bag again, great job')).toEqual({ kind: 'sarcastic', interjection: ' great job', rest: 'Lost my bag again' });
    expect(splitInterjection('Encore en retard, bravo')).toMatchObject({ kind: 'sarcastic', rest: 'Encore en retard' });
    expect(splitInterjection('Great.')).toEqual({ kind: 'sarcastic', interjection: 'Great.', rest: '' });
    expect(splitInterjection('Lost my bag again')).toBeUndefined();
    expect(splitInterjection('the seats, the food and the crew were great')).toBeUndefined();
  });
});

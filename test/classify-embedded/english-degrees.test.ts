import { describe, expect, it } from 'vitest';
import { degreeValence } from '../../src/classify/embedded/english-degrees.ts';

const LEXICON = new Map<string, number>([
  ['clean', 1.2],
  ['nice', 1.8],
  ['easy', 1.8],
  ['friendly', 2.2],
  ['big', 1.0],
  ['late', -1.3],
  ['cheap', -0.8],
  ['fine', 0.8],
]);
const valenceOf = (w: string): number | undefined => LEXICON.get(w);
const at = (sentence: string, word: string): number | undefined => {
  const words = sentence.split(' ');
  return degreeValence(words, words.indexOf(word), valenceOf);
};

describe('comparatives and superlatives of praise words', () => {
  it('gives a superlative its base valence wherever it stands (clean-est, nic-est, eas-iest, bigg-est)', () => {
    expect(at('the cleanest room', 'cleanest')).toBe(1.2);
    expect(at('the nicest staff', 'nicest')).toBe(1.8);
    expect(at('the easiest setup', 'easiest')).toBe(1.8);
    expect(at('friendliest people', 'friendliest')).toBe(2.2);
    expect(at('the biggest screen', 'biggest')).toBe(1.0);
  });

  it('gives a comparative its valence only after a degree word or before "than"', () => {
    expect(at('the interface is much cleaner', 'cleaner')).toBe(1.2);
    expect(at('a lot nicer now', 'nicer')).toBe(1.8);
    expect(at('easier than before', 'easier')).toBe(1.8);
    expect(at('the cleaner was rude', 'cleaner')).toBeUndefined();
  });

  it('derives nothing from complaints or faint praise ("later", "cheaper", "finest" of a 0.8 word)', () => {
    expect(at('even later than promised', 'later')).toBeUndefined();
    expect(at('much cheaper elsewhere', 'cheaper')).toBeUndefined();
    expect(at('the finest cotton', 'finest')).toBeUndefined();
  });

  it('leaves words that only look like degree forms alone', () => {
    expect(at('I want to request a refund', 'request')).toBeUndefined();
    expect(at('the order number', 'order')).toBeUndefined();
    expect(at('best', 'best')).toBeUndefined();
  });
});

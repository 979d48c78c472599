import { describe, expect, it } from 'vitest';
import { segmentHashtag, type HashtagVocabulary } from '../../src/classify/embedded/segment-hashtag.ts';
import { scoreLexicon } from '../../src/classify/embedded/score-lexicon.ts';

const WORDS = new Set(['never', 'again', 'not', 'impressed', 'bad', 'fail', 'worst', 'the', 'thank', 'you']);
const VALENCE = new Set(['impressed', 'bad', 'fail', 'worst', 'thank']);
const vocabulary: HashtagVocabulary = { known: (w) => WORDS.has(w), valence: (w) => VALENCE.has(w) };
const fold = (w: string): string => w.toLowerCase();

describe('segmentHashtag', () => {
  it('splits CamelCase at each lower-to-upper change', () => {
    expect(segmentHashtag('NeverAgain', vocabulary, fold)).toEqual(['never', 'again']);
    expect(segmentHashtag('WorstAirlineEver', vocabulary, fold)).toEqual(['worst', 'airline', 'ever']);
  });

  it('spells a lower-case hashtag with the fewest known words', () => {
    expect(segmentHashtag('neveragain', vocabulary, fold)).toEqual(['never', 'again']);
    expect(segmentHashtag('notimpressed', vocabulary, fold)).toEqual(['not', 'impressed']);
    expect(segmentHashtag('thankyou', vocabulary, fold)).toEqual(['thank', 'you']);
  });

  it('else keeps a valence term at its start or end, the rest as one word', () => {
    expect(segmentHashtag('customerservicefail', vocabulary, fold)).toEqual(['customerservice', 'fail']);
    expect(segmentHashtag('badservice', vocabulary, fold)).toEqual(['bad', 'service']);
  });

  it('leaves a tag longer than MAX_HASHTAG letters whole (the search is quadratic in its length)', () => {
    const long = 'never'.repeat(4000);
    expect(segmentHashtag(long, vocabulary, fold)).toBeUndefined();
    expect(scoreLexicon(`#${long} #${'Never'.repeat(4000)}`, 'en').hits).toBe(0);
    expect(segmentHashtag('never'.repeat(8), vocabulary, fold)).toBeUndefined(); // 40 letters, more than four pieces
  });

  it('leaves known words, names and short tags alone', () => {
    expect(segmentHashtag('impressed', vocabulary, fold)).toBeUndefined();
    expect(segmentHashtag('jetblue', vocabulary, fold)).toBeUndefined();
    expect(segmentHashtag('ab', vocabulary, fold)).toBeUndefined();
    expect(segmentHashtag('covid19', vocabulary, fold)).toBeUndefined();
  });

  it('lets the scorer read the verdict of a hashtag, in both languages', () => {
    expect(scoreLexicon('@united #neveragain', 'en').polarity).toBeLessThan(-0.3);
    expect(scoreLexicon('#notimpressed', 'en').polarity).toBeLessThan(-0.3);
    expect(scoreLexicon('#ServiceClientNul', 'fr').polarity).toBeLessThan(-0.3);
    // a hashtag that names a place or a brand says nothing
    expect(scoreLexicon('#southwest #travel', 'en').hits).toBe(0);
    // without '#', a run of letters is one word
    expect(scoreLexicon('neveragain', 'en').hits).toBe(0);
  });
});

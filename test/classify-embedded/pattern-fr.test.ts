import { describe, expect, it } from 'vitest';
import { isLexiconWord, LEXICON_VERSION, SCORING_RULES_VERSION } from '../../src/classify/embedded/compile-lexicon.ts';
import { PATTERN_FR_VERSION, patternValence } from '../../src/classify/embedded/pattern-fr.ts';
import { scoreLexicon } from '../../src/classify/embedded/score-lexicon.ts';

describe('French fallback lexicon (Pattern, via @nlpjs/lang-fr)', () => {
  it('gives a valence to a word the hand-written lexicon does not know, by its Snowball stem', () => {
    expect(isLexiconWord('fr', 'abominable')).toBe(false);
    expect(patternValence('abominable')).toBe(-0.9);
    expect(patternValence('abominables')).toBe(-0.9);
    expect(scoreLexicon('une fin abominable', 'fr').polarity).toBeLessThan(0);
    expect(scoreLexicon('une fin abominable', 'fr').hits).toBe(1);
  });

  it('never scores function words, short words or unknown stems', () => {
    expect(patternValence('plus')).toBeUndefined();
    expect(patternValence('table')).toBeUndefined();
    expect(patternValence('top')).toBeUndefined();
    // descriptive, ordinal and nationality adjectives carry no opinion ("la version française", "le premier épisode")
    for (const w of ['premier', 'francais', 'propre', 'grande']) expect(patternValence(w), w).toBeUndefined();
    expect(scoreLexicon('Pas de notice en français', 'fr').polarity).toBeLessThanOrEqual(0);
    // "ne … plus" keeps its role: a stopped action with no opinion word is a complaint
    expect(scoreLexicon('le briquet ne se recharge plus', 'fr').polarity).toBeLessThan(0);
  });

  it('is French only: English text and text of unknown language do not use it', () => {
    expect(scoreLexicon('abominable', 'en').hits).toBe(0);
    expect(scoreLexicon('abominable', undefined).hits).toBe(0);
  });

  it('is part of the lexicon version, so cached classifications are invalidated when it changes', () => {
    expect(PATTERN_FR_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(LEXICON_VERSION.startsWith(`${SCORING_RULES_VERSION}.`)).toBe(true);
  });
});

describe('negative weighting (SO-CAL)', () => {
  it('weighs a negative term 1.5 times, a negated positive not at all', () => {
    expect(scoreLexicon('bad', 'en').sum).toBeCloseTo(-3.75, 10);
    expect(scoreLexicon('nul', 'fr').sum).toBeCloseTo(-4.5, 10);
    expect(Math.abs(scoreLexicon('not good', 'en').sum)).toBeLessThan(scoreLexicon('good', 'en').sum);
  });
});

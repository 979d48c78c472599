import { describe, expect, it } from 'vitest';
import { NO_THEME, strongestTheme } from '../../src/classify/pipeline/topic-gold.ts';

const m = (theme_id: string, match_score: number): { theme_id: string; match_score: number } => ({ theme_id, match_score });

describe('strongestTheme (a verbatim\'s single-label prediction in eval)', () => {
  it('takes the highest mention score', () => {
    expect(strongestTheme([m('tops', 0.6), m('dresses', 0.96), m('tops', 0.6)])).toBe('dresses');
  });
  it('breaks a tie by the evidence over the verbatim, then by the first mention, never by the id', () => {
    expect(strongestTheme([m('tops', 0.96), m('dresses', 0.96), m('dresses', 0.6)])).toBe('dresses');
    expect(strongestTheme([m('tops', 0.96), m('dresses', 0.96)])).toBe('tops');
    expect(strongestTheme([m('dresses', 0.96), m('tops', 0.96)])).toBe('dresses');
  });
  it('is none without a mention', () => {
    expect(strongestTheme([])).toBe(NO_THEME);
  });
});

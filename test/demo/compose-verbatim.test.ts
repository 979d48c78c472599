import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/util/random.ts';
import { composeVerbatim, type Mention } from '../../src/demo/compose-verbatim.ts';
import { CLAUSES_EN } from '../../src/demo/clause-bank-en.ts';
import { CLAUSES_FR } from '../../src/demo/clause-bank-fr.ts';
import { THEMES } from '../../src/demo/theme-catalog.ts';

const mixed: Mention[] = [
  { themeId: 'ease_of_use', sentiment: 'positive' },
  { themeId: 'support_responsiveness', sentiment: 'negative' },
];

describe('composeVerbatim', () => {
  it('has positive and negative phrasings for every theme in both languages', () => {
    for (const t of THEMES) {
      for (const bank of [CLAUSES_EN, CLAUSES_FR]) {
        expect(bank[t.id]?.positive.length ?? 0, t.id).toBeGreaterThanOrEqual(3);
        expect(bank[t.id]?.negative.length ?? 0, t.id).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('gives detractors a negative comment and promoters a positive one from the same experiences', () => {
    const rng = createRng(3);
    for (let i = 0; i < 300; i++) {
      const d = composeVerbatim(rng, 'fr', 'detractor', mixed);
      if (d !== undefined) {
        expect(d.sentiment).toBe('negative');
        expect(d.mentions.some((m) => m.sentiment === 'negative')).toBe(true);
        expect(d.mentions.at(-1)?.sentiment).toBe('negative');
      }
      const p = composeVerbatim(rng, 'en', 'promoter', mixed);
      if (p !== undefined) {
        expect(p.sentiment).toBe('positive');
        expect(p.mentions.at(-1)?.sentiment).toBe('positive');
      }
    }
  });

  it('writes the clauses of the mentioned themes, joined by a contrast connector when mixed', () => {
    const rng = createRng(11);
    const texts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const v = composeVerbatim(rng, 'fr', 'detractor', mixed);
      if (v === undefined || v.mentions.length < 2) continue;
      texts.push(v.text);
      const lower = v.text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/'/g, '’');
      const has = (list: readonly string[]): boolean =>
        list.some((c) => lower.includes(c.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
      expect(has(CLAUSES_FR.support_responsiveness!.negative), v.text).toBe(true);
      expect(has(CLAUSES_FR.ease_of_use!.positive), v.text).toBe(true);
      expect(/mais|par contre|en revanche/i.test(v.text), v.text).toBe(true);
    }
    expect(texts.length).toBeGreaterThan(30);
  });

  it('says nothing specific when nothing fits the band (a generic comment without mentions, or none)', () => {
    const rng = createRng(5);
    for (let i = 0; i < 100; i++) {
      const v = composeVerbatim(rng, 'en', 'promoter', [{ themeId: 'billing_errors', sentiment: 'negative' }]);
      if (v !== undefined) {
        expect(v.mentions).toEqual([]);
        expect(v.sentiment).toBe('positive');
      }
    }
  });
});

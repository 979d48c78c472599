import { describe, expect, it } from 'vitest';
import { splitClauses, splitClauseSpans } from '../../src/classify/embedded/index.ts';

const check = (text: string, clauses: ReturnType<typeof splitClauses>): void => {
  for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
};

describe('splitClauses', () => {
  it('splits the French example at "mais" with exact offsets', () => {
    const text = 'le produit est bien mais le support est injoignable';
    const clauses = splitClauses(text, 'fr');
    expect(clauses).toEqual([
      { text: 'le produit est bien', start: 0, end: 19 },
      { text: 'mais le support est injoignable', start: 20, end: 51 },
    ]);
  });

  it('splits sentences, then at contrast connectors and semicolons', () => {
    const text = 'Love it! However, shipping was slow; the box was damaged. Price is ok, although support never called back.';
    const clauses = splitClauses(text, 'en');
    expect(clauses.map((c) => c.text)).toEqual([
      'Love it!',
      'However, shipping was slow',
      'the box was damaged.',
      'Price is ok',
      'although support never called back.',
    ]);
    check(text, clauses);
  });

  it('handles multi-word French connectors and concessive clauses', () => {
    const text = "Bien que le prix soit élevé, la qualité est là. L'appli est pratique, par contre elle plante; en revanche le SAV répond.";
    const spans = splitClauseSpans(text, 'fr');
    expect(spans.map((c) => [c.text, c.connector])).toEqual([
      ['Bien que le prix soit élevé', 'concessive'],
      ['la qualité est là.', 'none'],
      ["L'appli est pratique", 'none'],
      ['par contre elle plante', 'adversative'],
      ['en revanche le SAV répond.', 'adversative'],
    ]);
    check(text, spans);
  });

  it('does not split inside words, at a trailing "though", or at "but also"', () => {
    expect(splitClauses('The button is great though.', 'en')).toHaveLength(1);
    expect(splitClauses('Not only cheap but also pretty.', 'en')).toHaveLength(1);
    expect(splitClauses('La maison mère répond vite.', 'fr')).toHaveLength(1);
    expect(splitClauses("C'est moins bien que avant", 'fr')).toHaveLength(1);
    expect(splitClauses('Les témoins mais pas les preuves', 'fr')).toHaveLength(2);
    // "but" is not a connector in French ("le but")
    expect(splitClauses('le but est atteint', 'fr')).toHaveLength(1);
  });

  it('keeps offsets on newlines and returns nothing for blank text', () => {
    const text = 'Good product\n\nbad support';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.text)).toEqual(['Good product', 'bad support']);
    check(text, clauses);
    expect(splitClauses('')).toEqual([]);
    expect(splitClauses(' \n\t ')).toEqual([]);
  });
});

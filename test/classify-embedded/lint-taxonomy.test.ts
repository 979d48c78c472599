import { describe, expect, it } from 'vitest';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { lintTaxonomy } from '../../src/classify/lint/lint-taxonomy.ts';

// the demo's v1 mistakes, in small
const taxonomy = taxonomySchema.parse({
  themes: [
    { id: 'billing', labels: { fr: 'Facturation' }, keywords: { fr: ['factur*', 'avoir*'], en: ['invoice*'] } },
    { id: 'performance', labels: { fr: 'Performance' }, keywords: { fr: ['lent*', 'charg*'], en: ['slow*', 'invoice*'] } },
    { id: 'account_manager', labels: { fr: 'Chargé de compte' }, keywords: { fr: ['chargé* de compte'] } },
    { id: 'training', labels: { en: 'Training' }, keywords: { en: ['webinar*'] } },
  ],
});

describe('lintTaxonomy', () => {
  it('flags common words, keywords inside other themes’ phrases and shared keywords, without data', () => {
    const lint = lintTaxonomy(taxonomy);
    const kinds = lint.findings.map((f) => `${f.kind} ${f.theme} ${f.keyword ?? ''}`).sort();
    expect(kinds).toEqual([
      'common-word billing avoir*',
      'inside-phrase performance charg*',
      'inside-phrase performance charg*', // "chargé* de compte" (keyword) and "Chargé de compte" (label)
      'shared billing invoice*',
    ]);
    expect(lint.findings.find((f) => f.kind === 'common-word')?.message).toContain('avoir');
    expect(lint.keywords).toEqual([]);
  });

  it('with data: share of clauses per keyword, frequent keywords, themes with no match', () => {
    const clauses = [
      'la facture est fausse', // billing
      'il faut appeler trois fois pour avoir une réponse', // avoir* → billing (wrongly)
      'notre chargé de compte est absent', // charg* → performance (wrongly), account_manager
      'le site est lent', // performance
      'rien à signaler',
    ].map((text) => ({ text, language: 'fr' as const }));
    const lint = lintTaxonomy(taxonomy, clauses);
    expect(lint.clauses).toBe(5);
    const use = (kw: string): number | undefined => lint.keywords.find((k) => k.keyword === kw)?.clauses;
    expect(use('factur*')).toBe(1);
    expect(use('avoir*')).toBe(1);
    expect(use('charg*')).toBe(1);
    expect(use('lent*')).toBe(1);
    expect(lint.keywords.find((k) => k.keyword === 'lent*')?.share).toBeCloseTo(1 / 5, 10);
    // every one of those is above 10 % of 5 clauses; 'training' matches nothing
    expect(lint.findings.filter((f) => f.kind === 'frequent').map((f) => f.keyword).sort()).toEqual(['avoir*', 'charg*', 'chargé* de compte', 'factur*', 'lent*']);
    expect(lint.findings.filter((f) => f.kind === 'no-match').map((f) => f.theme)).toEqual(['training']);
  });

  it('counts a hyphenated keyword once, in all the forms the matcher finds it', () => {
    const hyphenated = taxonomySchema.parse({
      themes: [
        { id: 'wifi', labels: { en: 'Connectivity' }, keywords: { en: ['Wi-Fi'] } },
        { id: 'router', labels: { en: 'Equipment' }, keywords: { en: ['router'] } },
      ],
    });
    const clauses = ['the wifi is down', 'no wi-fi again', 'wi fi down', 'the router is fine'].map((text) => ({ text, language: 'en' as const }));
    const lint = lintTaxonomy(hyphenated, clauses);
    expect(lint.keywords.map((k) => `${k.keyword} ${k.clauses}`)).toEqual(['Wi-Fi 3', 'router 1']);
    expect(lint.findings.filter((f) => f.kind === 'frequent').map((f) => f.keyword)).toEqual(['Wi-Fi', 'router']);
  });
});

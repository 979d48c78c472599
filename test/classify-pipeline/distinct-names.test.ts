import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../src/classify/discovery/distinct-names.ts';
import { clusterClauses } from '../../src/classify/discovery/cluster-clauses.ts';
import { singularPhrase } from '../../src/classify/discovery/distinctive-phrases.ts';

describe('distinctNames (one name per candidate theme)', () => {
  it('gives a shared name to the cluster whose clauses say it most; the others take their next phrase, else their terms', () => {
    const offers = [
      [{ phrase: 'virtual card', share: 0.06 }],
      [
        { phrase: 'virtual card', share: 0.16 },
        { phrase: 'disposable virtual', share: 0.09 },
      ],
      [
        { phrase: 'disposable cards', share: 0.2 },
        { phrase: 'per day', share: 0.11 },
      ],
      [
        { phrase: 'disposable card', share: 0.08 },
        { phrase: 'debit transaction', share: 0.05 },
      ],
    ];
    const fallbacks = ['yet / received', 'card / virtual', 'day / couple', 'transaction / cancel'];
    expect(distinctNames(offers, fallbacks, singularPhrase)).toEqual(['yet / received', 'virtual card', 'disposable cards', 'debit transaction']);
    // without the singular key, "disposable card" and "disposable cards" are two names
    expect(distinctNames(offers, fallbacks)).toEqual(['yet / received', 'virtual card', 'disposable cards', 'disposable card']);
  });

  it('keeps every name when none is shared, and gives a tie to the earlier cluster', () => {
    expect(distinctNames([[{ phrase: 'late delivery', share: 0.3 }], [{ phrase: 'wrong amount', share: 0.2 }]], ['a', 'b'])).toEqual(['late delivery', 'wrong amount']);
    expect(
      distinctNames(
        [
          [{ phrase: 'call back', share: 0.2 }],
          [
            { phrase: 'call back', share: 0.2 },
            { phrase: 'phone calls', share: 0.1 },
          ],
        ],
        ['x', 'y'],
      ),
    ).toEqual(['call back', 'phone calls']);
  });

  it('names no two candidates of a clustering alike', () => {
    // two themes (travel, shopping) whose only repeated phrase is "virtual card": both clusters would be named by it
    // (a third theme, which never says it, makes the phrase distinctive)
    const word = (i: number): string => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const clauses = [
      ...Array.from({ length: 30 }, (_, i) => `travel is the ${word(i)} virtual card`),
      ...Array.from({ length: 30 }, (_, i) => `shopping is the ${word(30 + i)} virtual card`),
      ...Array.from({ length: 30 }, (_, i) => `the cash machine gave the wrong amount ${['today', 'again', 'twice'][i % 3]}`),
    ].map((clause) => ({ clause, verbatim: clause, language: 'en' as const }));
    const candidates = clusterClauses(clauses, { minClusterSize: 3, maxK: 3 }).filter((c) => c.phrases.includes('virtual card'));
    expect(candidates).toHaveLength(2);
    expect(candidates.map((c) => c.phrases[0])).toEqual(['virtual card', 'virtual card']);
    const names = candidates.map((c) => c.name);
    expect(new Set(names.map(singularPhrase)).size).toBe(2);
    expect(names).toContain('virtual card');
  });
});

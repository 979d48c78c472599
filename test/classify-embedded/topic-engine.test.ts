import { describe, expect, it } from 'vitest';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { createEmbeddedTopicEngine } from '../../src/classify/embedded/index.ts';
import { englishBasesOf, findLabel, singularsOf } from '../../src/classify/embedded/match-themes.ts';
import { TAXONOMY } from './fixtures.ts';

const themesOf = async (clause: string, lang?: 'fr' | 'en' | 'other'): Promise<string[]> => {
  const [found] = await createEmbeddedTopicEngine(TAXONOMY).matchThemes([clause], lang ? [lang] : undefined);
  return (found ?? []).map((f) => f.themeId);
};

describe('createEmbeddedTopicEngine', () => {
  it('matches stems, case- and accent-insensitively', async () => {
    expect(await themesOf('Les PRODUITS sont bons', 'fr')).toEqual(['product']);
    expect(await themesOf('la facturation est fausse', 'fr')).toEqual(['billing']);
    expect(await themesOf('Prelevements en double', 'fr')).toEqual(['billing']);
    expect(await themesOf('they CHARGED me twice', 'en')).toContain('billing');
  });

  it('matches multi-word phrases only as a whole', async () => {
    expect(await themesOf('le service client ne répond pas', 'fr')).toContain('support');
    expect(await themesOf('no signal at home', 'en')).toEqual(['network']);
    expect(await themesOf('the signal was not mentioned', 'en')).not.toContain('billing');
  });

  it('matches a keyword in its plural (both languages) and an English keyword in its inflections, never a shorter or longer word', async () => {
    const tax = taxonomySchema.parse({
      version: '1',
      themes: [
        { id: 'bags', labels: { en: 'Baggage' }, keywords: { en: ['bag', 'lost suitcase'], fr: ['bagage', 'bateau'] } },
        { id: 'delays', labels: { en: 'Waiting' }, keywords: { en: ['delay', 'tax'] } },
      ],
    });
    const ids = async (clause: string, lang: 'en' | 'fr'): Promise<string[]> =>
      ((await createEmbeddedTopicEngine(tax).matchThemes([clause], [lang]))[0] ?? []).map((f) => f.themeId);
    expect(await ids('they lost my bags', 'en')).toEqual(['bags']);
    expect(await ids('two lost suitcases', 'en')).toEqual(['bags']);
    expect(await ids('delays again and taxes', 'en')).toEqual(['delays']);
    expect(await ids('mes bagages et les bateaux', 'fr')).toEqual(['bags']);
    // English inflections: "delay" → delayed, delaying; French keywords only take their plurals
    expect(await ids('my flight was delayed', 'en')).toEqual(['delays']);
    expect(await ids('they keep delaying it', 'en')).toEqual(['delays']);
    // not a shorter word, not a longer one that is not an inflection
    expect(await ids('the baguette was cold', 'en')).toEqual([]);
    expect(await ids('the taxi was late', 'en')).toEqual([]);
    expect(englishBasesOf('cancelled')).toContain('cancel');
    expect(englishBasesOf('cancellation')).toContain('cancel');
    expect(englishBasesOf('charging')).toContain('charge');
    expect(englishBasesOf('verified')).toContain('verify');
    expect(englishBasesOf('shorter')).toEqual([]);
    expect(englishBasesOf('panties')).not.toContain('pants');
    expect(singularsOf('bags')).toEqual(['bag']);
    expect(singularsOf('taxes')).toEqual(['taxe', 'tax']);
    expect(singularsOf('bateaux')).toEqual(['bateau']);
    expect(singularsOf('bus')).toEqual([]);
  });

  it('matches a multi-word label by all its words, in order or within one extra word, never by one of them', async () => {
    const tax = taxonomySchema.parse({
      version: '1',
      themes: [
        { id: 'cancelled', labels: { en: 'Cancelled flight' } },
        { id: 'damaged', labels: { en: 'Damaged luggage' } },
      ],
    });
    const ids = async (clause: string): Promise<string[]> => ((await createEmbeddedTopicEngine(tax).matchThemes([clause], ['en']))[0] ?? []).map((f) => f.themeId);
    expect(await ids('another cancelled flight')).toEqual(['cancelled']);
    expect(await ids('my flight was cancelled')).toEqual(['cancelled']);
    expect(await ids('the luggage arrived damaged')).toEqual(['damaged']);
    // one word of the label is not a match, nor are its words far apart
    expect(await ids('the flight was fine')).toEqual([]);
    expect(await ids('the flight crew liked the seats but the meal was cancelled')).toEqual([]);
    // positions, in the content words' indices
    expect(findLabel(['my', 'flight', 'cancel'], ['cancel', 'flight'])).toEqual([2, 1]);
    expect(findLabel(['flight', 'crew', 'seat', 'cancel'], ['cancel', 'flight'])).toBeUndefined();
    expect(findLabel(['flight'], ['flight'])).toEqual([0]);
  });

  it('matches a hyphenated keyword closed up, a one-word keyword split in two, and a hashtag by its words', async () => {
    const tax = taxonomySchema.parse({
      version: '1',
      themes: [
        { id: 'wifi', labels: { en: 'Connectivity' }, keywords: { en: ['Wi-Fi', 'checkin'] } },
        { id: 'bags', labels: { en: 'Lost luggage' }, keywords: { en: ['luggage'] } },
        { id: 'service', labels: { en: 'Customer service' }, keywords: { en: ['customer service'] } },
      ],
    });
    const ids = async (clause: string): Promise<string[]> => ((await createEmbeddedTopicEngine(tax).matchThemes([clause], ['en']))[0] ?? []).map((f) => f.themeId);
    expect(await ids('the wifi was down')).toEqual(['wifi']);
    expect(await ids('no Wi-Fi on board')).toEqual(['wifi']);
    expect(await ids('wi fi down again')).toEqual(['wifi']);
    // a verb and its particle are not the closed word: "check in" is not "checkin", "set up" not "setup"
    expect(await ids('check in took an hour')).toEqual([]);
    expect(await ids('#lostluggage again')).toEqual(['bags']);
    expect(await ids('#CustomerService fail')).toEqual(['service']);
    expect(await ids('#customerservice is a joke')).toEqual(['service']);
    // a hashtag the taxonomy's words do not spell, or two words that do not join into a keyword, match nothing
    expect(await ids('#travelgoals')).toEqual([]);
    expect(await ids('check the bill')).toEqual([]);
    // the evidence is the keyword as written
    const [found] = await createEmbeddedTopicEngine(tax).matchThemes(['the wifi was down'], ['en']);
    expect(found?.[0]?.evidence).toBe('Wi-Fi');
    // the two forms of a hyphenated keyword are one hit: "e mail" is not counted as "e-mail" and again as "email"
    const mail = taxonomySchema.parse({ version: '1', themes: [{ id: 'mail', labels: { en: 'Messages' }, keywords: { en: ['e-mail'] } }] });
    const [closed, open] = await createEmbeddedTopicEngine(mail).matchThemes(['no email came', 'no e mail came'], ['en', 'en']);
    expect(closed?.[0]?.score).toBe(0.9);
    expect(open?.[0]?.score).toBe(0.9);
  });

  it('uses the keywords of the clause language; both when unknown', async () => {
    expect(await themesOf('le colis est arrivé', 'fr')).toEqual(['delivery']);
    expect(await themesOf('the parcel arrived', 'en')).toEqual(['delivery']);
    expect(await themesOf('colis', 'other')).toEqual(['delivery']);
  });

  it('matches labels and examples without keywords', async () => {
    // label "Network coverage" / description / examples
    expect(await themesOf('coverage is terrible at my home', 'en')).toContain('network');
    expect(await themesOf('nobody ever answers the phone', 'en')).toContain('support');
  });

  it('finds several themes in one clause, ordered by score, and none in unrelated text', async () => {
    const [found] = await createEmbeddedTopicEngine(TAXONOMY).matchThemes(['the product arrived with a wrong invoice'], ['en']);
    expect((found ?? []).map((f) => f.themeId).sort()).toEqual(['billing', 'product']);
    for (const f of found ?? []) {
      expect(f.score).toBeGreaterThanOrEqual(0.5);
      expect(f.score).toBeLessThanOrEqual(1);
    }
    expect(await themesOf('I moved house in March', 'en')).toEqual([]);
    // opinion words alone are not topics, even when a theme example contains them
    const withOpinionExample = createEmbeddedTopicEngine({ ...TAXONOMY, themes: TAXONOMY.themes.map((t) => (t.id === 'product' ? { ...t, examples: ['good product quality'] } : t)) });
    expect((await withOpinionExample.matchThemes(['All good', 'great, thanks!'], ['en', 'en'])).flat()).toEqual([]);
    expect(await themesOf('', 'en')).toEqual([]);
  });

  it('respects the threshold and changes revision with the taxonomy', async () => {
    const strict = createEmbeddedTopicEngine(TAXONOMY, { threshold: 0.99 });
    expect((await strict.matchThemes(['le colis est arrivé'], ['fr']))[0]).toEqual([]);
    const other = taxonomySchema.parse({ ...TAXONOMY, version: 't2' });
    expect(createEmbeddedTopicEngine(other).info.revision).not.toBe(createEmbeddedTopicEngine(TAXONOMY).info.revision);
  });
});

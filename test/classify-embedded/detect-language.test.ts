import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/classify/embedded/index.ts';

describe('detectLanguage', () => {
  it.each([
    ['le produit est bien mais le support est injoignable', 'fr'],
    ["Je n'ai jamais reçu ma commande et personne ne répond au téléphone.", 'fr'],
    ['Très déçu', 'fr'],
    ['Livraison rapide', 'fr'],
    ['The app keeps crashing since the last update and nobody answers.', 'en'],
    ['Great service', 'en'],
    ['it was fine', 'en'],
    ['Quick service', 'en'],
    ['Disgusting service', 'en'],
    ['Nul', 'fr'],
    ['Injoignable', 'fr'],
    // franc's trigrams take these for the other language; two markers of one language and none of the other decide
    ['Why is your exchange rate different on different days?', 'en'],
    ['Ne chauffe pas assez, inutilisable en hiver.', 'fr'],
    ['Trop petit, trop fragile, trop cher.', 'fr'],
    // @handles, #hashtags and links are names, not words of the language
    ['@SouthwestAir the plane smells like a bathroom', 'en'],
    ['Tastes stale, expired two months ago.', 'en'],
    // franc reads this one as English: one French marker, French accents and no English marker decide
    ["On m'a envoyé le mauvais article", 'fr'],
    ['Loved the café next to the gate', 'en'],
    // "service" is a word of both languages, not a marker of English
    ['Service client inexistant', 'fr'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says other for other languages and for texts without words', () => {
    expect(detectLanguage('Muy buen servicio, gracias por todo el apoyo y la rapidez')).toBe('other');
    expect(detectLanguage('Sehr guter Service, vielen Dank für alles und bis bald')).toBe('other');
    expect(detectLanguage('')).toBe('other');
    expect(detectLanguage('   ')).toBe('other');
    expect(detectLanguage('👍👍👍')).toBe('other');
    expect(detectLanguage('12345 !!!')).toBe('other');
  });

  it('picks the dominant language of a mixed text', () => {
    expect(detectLanguage("Le service client est nul, je ne recommande pas du tout. Really bad.")).toBe('fr');
    expect(detectLanguage('The delivery was late and the box was damaged, I am not happy at all. Vraiment nul.')).toBe('en');
  });

  it('looks only at the head of a huge text', () => {
    const text = 'Le service est vraiment très lent et je ne suis pas content. '.repeat(2000);
    const t0 = performance.now();
    expect(detectLanguage(text)).toBe('fr');
    expect(performance.now() - t0).toBeLessThan(250);
  });
});

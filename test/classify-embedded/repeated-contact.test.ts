import { describe, expect, it } from 'vitest';
import { isRepeatedContact } from '../../src/classify/embedded/repeated-contact.ts';
import { foldedWords } from '../../src/classify/embedded/fold-text.ts';

const said = (text: string): boolean => isRepeatedContact(foldedWords(text));

describe('isRepeatedContact', () => {
  it('reads contacting three times or more as a complaint, in both languages', () => {
    for (const t of [
      'I called three times',
      'had to call back four times',
      'emailed them several times',
      "I've phoned 5 times",
      'chased them multiple times',
      "j'ai appelé trois fois",
      "j'ai dû rappeler quatre fois",
      'relancé à plusieurs reprises',
      'je leur ai écrit maintes fois',
      'ça fait trois fois que je renvoie le produit',
      'I have contacted them 4 times',
      'je les ai contactés cinq fois',
    ])
      expect(said(t), t).toBe(true);
  });

  it('leaves twice, other counts and other verbs alone', () => {
    for (const t of [
      'I called twice and it was sorted',
      'called 2 times',
      'I have been a customer three times',
      'we use it many times a day',
      'three times cheaper than the others',
      'je suis venu trois fois',
      'the call lasted three minutes',
      "ça fait deux fois que j'appelle",
      'we ranged three times over the menu',
      'my phone died three times today',
    ])
      expect(said(t), t).toBe(false);
  });
});

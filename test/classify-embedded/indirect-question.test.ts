import { describe, expect, it } from 'vitest';
import { indirectQuestionWords } from '../../src/classify/embedded/indirect-question.ts';
import { tokenizeForSentiment } from '../../src/classify/embedded/tokenize-for-sentiment.ts';

/** The words of a clause asked indirectly, as the scorer tokenizes it. */
const asked = (clause: string, english: boolean): string[] => {
  const t = tokenizeForSentiment(clause, english);
  const flags = indirectQuestionWords(t.words, t.breakBefore);
  return t.words.filter((_, i) => flags?.[i] === true);
};

describe('indirect questions', () => {
  it('finds the part a frame opens, in both languages', () => {
    expect(asked("Je voudrais savoir si l'offre est disponible", false)).toEqual(['je', 'voudrais', 'savoir', 'si', 'l', 'offre', 'est', 'disponible']);
    expect(asked("I'd like to know if it's available", true)).toEqual(['i', 'd', 'like', 'to', 'know', 'if', 'it', 's', 'available']);
    expect(asked('Est-ce que la livraison est gratuite', false)).toEqual(['est', 'ce', 'que', 'la', 'livraison', 'est', 'gratuite']);
    expect(asked('Could you tell me whether the plan is good value', true)).toEqual(['could', 'you', 'tell', 'me', 'whether', 'the', 'plan', 'is', 'good', 'value']);
    expect(asked('Pourriez-vous me confirmer si le produit est fiable', false)).toEqual(['pourriez', 'vous', 'me', 'confirmer', 'si', 'le', 'produit', 'est', 'fiable']);
  });

  it('asks only the part between punctuation that opens with the frame: a greeting before it, thanks after it stay outside', () => {
    expect(asked("Bonjour, je voudrais savoir si c'est possible, merci d'avance", false)).toEqual(['je', 'voudrais', 'savoir', 'si', 'c', 'est', 'possible']);
    expect(asked('Hi I am wondering if the upgrade is worth it. Great service by the way', true)).toEqual(['hi', 'i', 'am', 'wondering', 'if', 'the', 'upgrade', 'is', 'worth', 'it']);
  });

  it('asks nothing when the frame words do not open their part', () => {
    expect(indirectQuestionWords(['great', 'service'], [false, false])).toBeUndefined();
    expect(asked("I know if it breaks they won't care", true)).toEqual([]);
    expect(asked('the support let me know if the fix was live', true)).toEqual([]);
    expect(asked('ce film est génial', false)).toEqual([]);
  });
});

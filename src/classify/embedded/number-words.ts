/**
 * Numerals written as words, folded, in both languages, with their value: the counts the factual-complaint
 * rules read ("waited three hours", "j'ai appelé quatre fois").
 *
 * Example: numberWordValue('quatre') // → 4
 */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    ['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  ].flatMap((words) => words.map((w, k) => [w, k + 2] as const)),
);

/** The value of a numeral from two to twelve written as a word, else undefined. */
export const numberWordValue = (word: string): number | undefined => NUMBER_WORDS.get(word);

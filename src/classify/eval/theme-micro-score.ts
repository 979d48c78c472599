/**
 * Micro-averaged precision, recall and F1 of single-label theme predictions, the figure topic goals are
 * stated in: a text's prediction is one theme or `noTheme`. A predicted theme equal to the gold theme is a
 * hit; a wrong theme is a false alarm and a miss; a `noTheme` prediction on a text with a gold theme is a
 * miss; a `noTheme` gold predicted `noTheme` counts nowhere (saying nothing about a text about nothing is
 * neither). precision = hits / theme predictions, recall = hits / gold themes.
 *
 * Example: themeMicroScore(['a', 'b', 'none'], ['a', 'none', 'c'], 'none')
 *          // → { hits: 1, predictedThemes: 2, goldThemes: 2, precision: 0.5, recall: 0.5, f1: 0.5 }
 */
export interface ThemeMicroScore {
  readonly hits: number;
  readonly predictedThemes: number;
  readonly goldThemes: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function themeMicroScore(gold: readonly string[], predicted: readonly string[], noTheme: string): ThemeMicroScore {
  if (gold.length !== predicted.length) throw new Error(`gold (${gold.length}) and predicted (${predicted.length}) differ in length`);
  let hits = 0;
  let predictedThemes = 0;
  let goldThemes = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    if (p !== noTheme) predictedThemes++;
    if (g !== noTheme) goldThemes++;
    if (p !== noTheme && p === g) hits++;
  });
  const precision = predictedThemes === 0 ? 0 : hits / predictedThemes;
  const recall = goldThemes === 0 ? 0 : hits / goldThemes;
  return { hits, predictedThemes, goldThemes, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

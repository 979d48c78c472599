/**
 * Display labels of themes in a language: from the taxonomy when the caller has it, else the id
 * made readable ("billing_errors" → "Billing errors"), so a chart never shows a raw id.
 */
import type { ChartLang } from './chart-messages.ts';

export type ThemeLabels = Readonly<Record<string, Readonly<{ en?: string; fr?: string }>>>;

export function humanizeId(id: string): string {
  const words = id.replaceAll('_', ' ').trim();
  return words.length === 0 ? id : words[0]!.toUpperCase() + words.slice(1);
}

export function createThemeLabeler(labels: ThemeLabels | undefined, lang: ChartLang): (id: string) => string {
  return (id) => {
    const l = labels?.[id];
    return l?.[lang] ?? l?.en ?? l?.fr ?? humanizeId(id);
  };
}

/** Theme labels from a taxonomy's themes (the shape of the pipeline file's `taxonomy.themes`). */
export function themeLabelsFromTaxonomy(themes: ReadonlyArray<{ id: string; labels: { en?: string; fr?: string } }>): ThemeLabels {
  return Object.fromEntries(themes.map((t) => [t.id, { ...t.labels }]));
}

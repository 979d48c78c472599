/**
 * What each theme looks like to a transformer: prototype texts for embedding similarity (labels,
 * description, examples) and NLI hypotheses ("This text is about {label}." / "Ce texte parle de
 * {label}.").
 */
import type { Language } from '../classifier-types.ts';
import type { Theme } from '../../config/taxonomy-schema.ts';

export function themePrototypes(theme: Theme): string[] {
  const texts = [theme.labels.en, theme.labels.fr, theme.description, ...theme.examples].filter(
    (t): t is string => t !== undefined && t.trim().length > 0,
  );
  return [...new Set(texts)];
}

export function nliHypothesis(theme: Theme, language: Language | undefined): string {
  if (language === 'fr' && theme.labels.fr !== undefined) return `Ce texte parle de ${theme.labels.fr}.`;
  if (theme.labels.en !== undefined) return `This text is about ${theme.labels.en}.`;
  return `Ce texte parle de ${theme.labels.fr ?? theme.id}.`;
}

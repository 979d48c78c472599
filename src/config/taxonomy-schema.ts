/**
 * The taxonomy of themes, declared in the pipeline file under `taxonomy:`.
 * Ids are unique, every theme has at least one label, parents must exist.
 */
import { z } from 'zod';

export const themeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'expected a lower_snake_case theme id' }),
    parent: z.string().optional().describe('id of the parent theme'),
    labels: z
      .strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() })
      .refine((l) => l.en !== undefined || l.fr !== undefined, { error: 'a theme needs a label in en or fr' })
      .describe('display labels by language'),
    description: z.string().optional(),
    examples: z.array(z.string().min(1)).default([]).describe('example phrases that mention the theme'),
    keywords: z
      .strictObject({ en: z.array(z.string().min(1)).default([]), fr: z.array(z.string().min(1)).default([]) })
      .default({ en: [], fr: [] })
      .describe('keywords or stems (a trailing * matches any ending)'),
  })
  .describe('a theme');

export const taxonomySchema = z
  .strictObject({
    version: z.string().min(1).default('1').describe('bump when themes change: cached classifications are redone'),
    themes: z.array(themeSchema).min(1),
  })
  .superRefine((tax, ctx) => {
    const seen = new Map<string, number>();
    tax.themes.forEach((t, i) => {
      const first = seen.get(t.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `duplicate theme id "${t.id}" (first at themes.${first})` });
      } else seen.set(t.id, i);
    });
    tax.themes.forEach((t, i) => {
      if (t.parent !== undefined && !seen.has(t.parent)) {
        ctx.addIssue({ code: 'custom', path: ['themes', i, 'parent'], message: `unknown parent theme "${t.parent}"` });
      }
    });
  })
  .describe('themes that verbatims are classified into');

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Theme = z.infer<typeof themeSchema>;

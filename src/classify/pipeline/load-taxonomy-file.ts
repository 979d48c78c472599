/**
 * Reads a taxonomy for the classify/eval commands: a YAML file holding either a taxonomy
 * (`version`, `themes`) or a whole pipeline file (its `taxonomy:` section is used).
 * Every problem is reported with its path: `tax.yaml: themes.2.id: expected a lower_snake_case theme id`.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { taxonomySchema, type Taxonomy } from '../../config/taxonomy-schema.ts';
import { formatConfigProblems, toConfigProblems } from '../../config/format-zod-issues.ts';

export class TaxonomyFileError extends Error {}

export function parseTaxonomyText(file: string, text: string): Taxonomy {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new TaxonomyFileError(`${file}: invalid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const isPipeline = typeof doc === 'object' && doc !== null && 'taxonomy' in doc;
  const value = isPipeline ? (doc as { taxonomy: unknown }).taxonomy : doc;
  const result = taxonomySchema.safeParse(value);
  if (!result.success) {
    const problems = toConfigProblems(result.error).map((p) => (isPipeline ? { ...p, path: `taxonomy.${p.path}` } : p));
    throw new TaxonomyFileError(formatConfigProblems(file, problems));
  }
  return result.data;
}

export async function loadTaxonomyFile(file: string): Promise<Taxonomy> {
  return parseTaxonomyText(file, await readFile(file, 'utf8'));
}

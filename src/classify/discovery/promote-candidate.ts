/**
 * Turns a discovered candidate into a taxonomy theme: a YAML snippet (one `- id: ...` item) to
 * append under `taxonomy.themes` in the pipeline file, valid against the taxonomy schema.
 * Keywords come from the top terms (a stem of 5+ letters ends with `*`, a shorter one stays a word), examples from
 * the representative clauses (already PII-redacted).
 *
 * **Example:**
 * ```ts
 * await promoteCandidate(conn, 'cand_1f0a9c2e', { themeId: 'app_login' });
 * // - id: app_login
 * //   labels:
 * //     fr: Application / connexion
 * //   examples: [...]
 * //   keywords:
 * //     en: []
 * //     fr: [application, connexion, bug*]
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { stringify } from 'yaml';
import { themeSchema, type Theme } from '../../config/taxonomy-schema.ts';
import { foldText } from '../embedded/fold-text.ts';
import type { StoredCandidate } from './reconcile-candidates.ts';
import { loadThemeCandidates } from './theme-candidates-store.ts';

export interface PromoteOptions {
  /** lower_snake_case id; default from the first two surface terms */
  readonly themeId?: string;
  readonly labelEn?: string;
  readonly labelFr?: string;
  readonly parent?: string;
  /** keywords taken from the top terms (default 6) */
  readonly keywords?: number;
  /** spaces before every line, to paste under an indented `themes:` (default 0) */
  readonly indent?: number;
}

export class UnknownCandidateError extends Error {
  constructor(readonly candidateId: string) {
    super(`no theme candidate "${candidateId}" in theme_candidates`);
  }
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function defaultThemeId(c: StoredCandidate): string {
  const id = c.surfaceTerms
    .slice(0, 2)
    .map((t) => foldText(t).replace(/[^a-z0-9]+/g, '_'))
    .join('_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63);
  return id.length > 0 ? id : `theme_${c.candidateId.replace(/^cand_/, '')}`.replace(/[^a-z0-9_]/g, '');
}

export function candidateToTheme(c: StoredCandidate, opts: PromoteOptions = {}): Theme {
  const keywords = c.topTerms.slice(0, opts.keywords ?? 6).map((stem, i) => {
    const word = c.surfaceTerms[i] ?? stem;
    // a short stem with a wildcard would match unrelated words ("lat*"): keep the word then
    return word === stem || stem.length < 5 ? word : `${stem}*`;
  });
  const label = c.surfaceTerms.slice(0, 2).map(capitalize).join(' / ');
  const labels =
    opts.labelEn !== undefined || opts.labelFr !== undefined
      ? { ...(opts.labelEn !== undefined ? { en: opts.labelEn } : {}), ...(opts.labelFr !== undefined ? { fr: opts.labelFr } : {}) }
      : c.language === 'en'
        ? { en: label }
        : { fr: label };
  const lang = c.language === 'en' ? 'en' : 'fr';
  return themeSchema.parse({
    id: opts.themeId ?? defaultThemeId(c),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
    labels,
    description: `Discovered as ${c.candidateId} (${c.size} clauses, first seen ${c.firstSeen}, last seen ${c.lastSeen})`,
    examples: c.representatives.map((r) => r.clause),
    keywords: { en: lang === 'en' ? keywords : [], fr: lang === 'fr' ? keywords : [] },
  });
}

export function themeToYamlSnippet(theme: Theme, indent = 0): string {
  const text = stringify([theme], { lineWidth: 0 });
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

export async function promoteCandidate(conn: DuckDBConnection, candidateId: string, opts: PromoteOptions = {}): Promise<string> {
  const candidate = (await loadThemeCandidates(conn)).find((c) => c.candidateId === candidateId);
  if (candidate === undefined) throw new UnknownCandidateError(candidateId);
  return themeToYamlSnippet(candidateToTheme(candidate, opts), opts.indent ?? 0);
}

/**
 * Turns a discovered candidate into a taxonomy theme: a YAML snippet (one `- id: ...` item) to
 * append under `taxonomy.themes` in the pipeline file, valid against the taxonomy schema.
 * Keywords are the candidate's distinctive phrases ("wrong amount", "bag never arrived"), which match as
 * whole phrases; only when it has fewer than MIN_PHRASE_KEYWORDS of them do its heaviest terms complete the
 * list, and then only specific ones (at least five letters, not a common word of either language nor a
 * generic noun: never "time", "day" or "hours"; a stem of 5+ letters ends with `*`). The label is its name; the examples are its
 * representative clauses (already PII-redacted).
 *
 * **Example:**
 * ```ts
 * await promoteCandidate(conn, 'cand_1f0a9c2e', { themeId: 'cash_amount' });
 * // - id: cash_amount
 * //   labels:
 * //     en: Wrong amount
 * //   examples: [...]
 * //   keywords:
 * //     en: [wrong amount, amount of cash, atm gave]
 * //     fr: []
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { stringify } from 'yaml';
import { themeSchema, type Theme } from '../../config/taxonomy-schema.ts';
import { foldText } from '../embedded/fold-text.ts';
import { COMMON_WORDS } from '../lint/common-words.ts';
import type { StoredCandidate } from './reconcile-candidates.ts';
import { loadThemeCandidates } from './theme-candidates-store.ts';

export interface PromoteOptions {
  /** lower_snake_case id; default from the first two surface terms */
  readonly themeId?: string;
  readonly labelEn?: string;
  readonly labelFr?: string;
  readonly parent?: string;
  /** keywords at most (default 6) */
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

/** Nouns any complaint may say (time units, "people", "things"): never a keyword on their own. */
const GENERIC_NOUNS: ReadonlySet<string> = new Set(
  ('time times minute minutes hour hours day days week weeks month months year years people person thing things ' +
    'something anything everything someone anyone everyone heure heures jour jours semaine semaines mois annee annees ' +
    'minutes gens personne truc trucs chose choses')
    .split(' '),
);

/** Phrases a promoted theme's keywords start from before terms complete them. */
const MIN_PHRASE_KEYWORDS = 3;
const MIN_TERM_LETTERS = 5;

const idPart = (text: string): string => foldText(text).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

export function defaultThemeId(c: StoredCandidate): string {
  const words = c.phrases.length > 0 ? [c.phrases[0] as string] : c.surfaceTerms.slice(0, 2);
  const id = words.map(idPart).filter((w) => w.length > 0).join('_').replace(/^[^a-z]+/, '').slice(0, 63).replace(/_+$/, '');
  return id.length > 0 ? id : `theme_${c.candidateId.replace(/^cand_/, '')}`.replace(/[^a-z0-9_]/g, '');
}

/** The candidate's keywords: its phrases, then specific terms when it has too few phrases. */
export function candidateKeywords(c: StoredCandidate, max = 6): string[] {
  const keywords = c.phrases.slice(0, max);
  if (keywords.length >= MIN_PHRASE_KEYWORDS) return keywords;
  c.topTerms.forEach((stem, i) => {
    if (keywords.length >= Math.min(max, MIN_PHRASE_KEYWORDS)) return;
    const word = c.surfaceTerms[i] ?? stem;
    if (word.length < MIN_TERM_LETTERS || COMMON_WORDS.has(word) || GENERIC_NOUNS.has(word) || keywords.some((k) => k.split(' ').includes(word))) return;
    // a wildcard on a long stem catches its inflections; a short stem would match unrelated words ("lat*")
    keywords.push(word === stem || stem.length < MIN_TERM_LETTERS ? word : `${stem}*`);
  });
  return keywords;
}

export function candidateToTheme(c: StoredCandidate, opts: PromoteOptions = {}): Theme {
  const keywords = candidateKeywords(c, opts.keywords ?? 6);
  const label = capitalize(c.name);
  const labels =
    opts.labelEn !== undefined || opts.labelFr !== undefined
      ? { ...(opts.labelEn !== undefined ? { en: opts.labelEn } : {}), ...(opts.labelFr !== undefined ? { fr: opts.labelFr } : {}) }
      : c.language === 'en'
        ? { en: label }
        : { fr: label };
  const lang = c.language === 'en' ? 'en' : 'fr';
  const share = Number.isNaN(c.negativeShare) ? '' : `, ${Math.round(100 * c.negativeShare)} % negative`;
  return themeSchema.parse({
    id: opts.themeId ?? defaultThemeId(c),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
    labels,
    description: `Discovered as ${c.candidateId} (${c.size} clauses${share}, first seen ${c.firstSeen}, last seen ${c.lastSeen})`,
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

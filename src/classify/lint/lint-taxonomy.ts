/**
 * Taxonomy lint (`ecoute themes lint`, and warnings in `ecoute run`): what in a taxonomy will produce
 * wrong theme mentions, found before it reaches a report.
 *
 *   common-word     a one-word keyword matches a function word or a frequent verb form (`avoir*` → "avoir")
 *   inside-phrase   a keyword matches inside another theme's keyword or label (`charg*` in "chargé de compte")
 *   shared          the same keyword in two themes
 *   frequent        with data: a keyword matches more than 10 % of all clauses
 *   no-match        with data: no clause matches any keyword, label or example of the theme
 * With data, every keyword also gets the number and share of clauses it matches.
 *
 * **Example:**
 * ```ts
 * lintTaxonomy(taxonomy, clauses).findings[0]
 * // { kind: 'common-word', theme: 'billing_errors', keyword: 'avoir*', language: 'fr', message: 'billing_errors: keyword "avoir*" (fr) matches the common word(s) avoir, avons, avez…' }
 * ```
 */
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { compileTaxonomy, type KeywordPattern } from '../embedded/compile-taxonomy.ts';
import { foldedWords } from '../embedded/fold-text.ts';
import { matchSeeds, patternMatches } from '../embedded/match-themes.ts';
import { SEED_MIN, type TrainingClause } from '../embedded/train-topic-model.ts';
import { COMMON_WORDS } from './common-words.ts';

export type LintKind = 'common-word' | 'inside-phrase' | 'shared' | 'frequent' | 'no-match';

export interface LintFinding {
  readonly kind: LintKind;
  readonly theme: string;
  readonly keyword?: string;
  readonly language?: 'en' | 'fr';
  readonly message: string;
}

export interface KeywordUse {
  readonly theme: string;
  readonly keyword: string;
  readonly language: 'en' | 'fr';
  /** clauses it matches */
  readonly clauses: number;
  readonly share: number;
}

export interface TaxonomyLint {
  /** clauses looked at (0 without data) */
  readonly clauses: number;
  readonly findings: readonly LintFinding[];
  readonly keywords: readonly KeywordUse[];
}

/** A keyword matching more than this share of all clauses is flagged. */
export const FREQUENT_SHARE = 0.1;

/** A keyword as written in the taxonomy: its patterns (as written, and closed up when hyphenated) count as one. */
const keywordKey = (p: KeywordPattern): string => `${p.theme}\u0001${p.language}\u0001${p.text}`;

function allPatterns(tax: ReturnType<typeof compileTaxonomy>): KeywordPattern[] {
  const seen = new Set<KeywordPattern>();
  for (const list of [...tax.exact.values(), ...tax.prefixes.values()]) for (const p of list) seen.add(p);
  return [...seen].sort((a, b) => a.theme - b.theme || a.language.localeCompare(b.language) || a.text.localeCompare(b.text));
}

const matchesIn = (p: KeywordPattern, words: readonly string[]): boolean => words.some((_, i) => patternMatches(p, words, i));

export function lintTaxonomy(taxonomy: Taxonomy, clauses?: readonly TrainingClause[]): TaxonomyLint {
  const tax = compileTaxonomy(taxonomy);
  const ids = tax.themeIds;
  const patterns = allPatterns(tax);
  const findings: LintFinding[] = [];
  const where = (p: KeywordPattern): string => `${ids[p.theme]}: keyword "${p.text}" (${p.language})`;
  for (const p of patterns) {
    if (p.words.length === 1) {
      const hits = [...COMMON_WORDS].filter((w) => matchesIn(p, [w])).sort();
      if (hits.length > 0) {
        findings.push({ kind: 'common-word', theme: ids[p.theme] as string, keyword: p.text, language: p.language, message: `${where(p)} matches the common word(s) ${hits.slice(0, 5).join(', ')}${hits.length > 5 ? '…' : ''}: write the phrase you mean instead` });
      }
    }
  }
  // keywords and labels of other themes that a keyword matches inside
  const phrases = taxonomy.themes.flatMap((t, theme) => [
    ...t.keywords.en.map((text) => ({ theme, text })),
    ...t.keywords.fr.map((text) => ({ theme, text })),
    ...[t.labels.en, t.labels.fr].filter((l): l is string => l !== undefined).map((text) => ({ theme, text })),
  ]);
  for (const p of patterns) {
    const same = p.words.map((w) => w.text).join(' ');
    // the very same keyword in another theme is reported once, as 'shared'
    const inside = phrases.filter((ph) => {
      const words = foldedWords(ph.text.replace(/\*/g, ''));
      return ph.theme !== p.theme && words.join(' ') !== same && matchesIn(p, words);
    });
    for (const ph of inside) {
      findings.push({ kind: 'inside-phrase', theme: ids[p.theme] as string, keyword: p.text, language: p.language, message: `${where(p)} also matches inside "${ph.text}" of ${ids[ph.theme]}` });
    }
  }
  const byText = new Map<string, Set<number>>();
  // the closed-up form of a shared hyphenated keyword is shared too: one finding, for the keyword as written
  for (const p of patterns.filter((x) => !x.closedUp)) {
    const key = `${p.language}\u0001${p.words.map((w) => w.text + (w.prefix ? '*' : '')).join(' ')}`;
    byText.set(key, (byText.get(key) ?? new Set()).add(p.theme));
  }
  for (const [key, themes] of byText) {
    if (themes.size < 2) continue;
    const [language, keyword] = key.split('\u0001') as ['en' | 'fr', string];
    const names = [...themes].map((t) => ids[t] as string);
    findings.push({ kind: 'shared', theme: names[0] as string, keyword, language, message: `keyword "${keyword}" (${language}) is in ${names.join(' and ')}: a clause with it counts for all of them` });
  }
  if (clauses === undefined || clauses.length === 0) return { clauses: 0, findings: distinct(findings), keywords: [] };
  const counts = new Map<string, number>();
  const themeHits = new Array<number>(ids.length).fill(0);
  for (const c of clauses) {
    // the keywords the matcher itself found (joined words, closed-up forms and hashtags included)
    const seeds = matchSeeds(tax, c.text, c.language);
    seeds.scores.forEach((s, t) => {
      if (s >= SEED_MIN) themeHits[t] = (themeHits[t] as number) + 1;
    });
    for (const key of new Set(seeds.keywords.map(keywordKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const n = clauses.length;
  const keywords = patterns
    .filter((p) => !p.closedUp)
    .map((p) => ({ theme: ids[p.theme] as string, keyword: p.text, language: p.language, clauses: counts.get(keywordKey(p)) ?? 0, share: (counts.get(keywordKey(p)) ?? 0) / n }));
  for (const k of keywords) {
    if (k.share > FREQUENT_SHARE) findings.push({ kind: 'frequent', theme: k.theme, keyword: k.keyword, language: k.language, message: `${k.theme}: keyword "${k.keyword}" (${k.language}) matches ${(100 * k.share).toFixed(1)} % of ${n} clauses` });
  }
  themeHits.forEach((h, t) => {
    if (h === 0) findings.push({ kind: 'no-match', theme: ids[t] as string, message: `${ids[t]}: no clause of ${n} matches any keyword, label or example` });
  });
  return { clauses: n, findings: distinct(findings), keywords };
}

/** Findings once each: the two patterns of a hyphenated keyword may find the same thing. */
function distinct(findings: readonly LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  const out: LintFinding[] = [];
  for (const f of findings) {
    if (seen.has(f.message)) continue;
    seen.add(f.message);
    out.push(f);
  }
  return out;
}

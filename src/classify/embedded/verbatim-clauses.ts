/**
 * Verbatims → their clauses, the unit themes are matched on: cleaned (HTML, entities, length cap),
 * language detected unless given, split into clauses; clause offsets point into the original verbatim.
 * Shared by classifyVerbatims and the topic model's training (so both see the very same clauses).
 *
 * Example: verbatimClauses(['Bien, mais le support est injoignable.'])
 *   → { languages: ['fr'], clauses: [{ verbatim: 0, language: 'fr', clause: { text: 'Bien', start: 0, end: 4 } }, { verbatim: 0, ..., clause: { text: 'mais le support est injoignable', ... } }] }
 */
import type { Clause, Language } from '../classifier-types.ts';
import { splitClauses } from '../clauses/split-clauses.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { cleanTextWithOffsets, originalSpan } from './clean-text.ts';

export interface VerbatimClause {
  /** index of the verbatim in the input */
  readonly verbatim: number;
  readonly language: Language;
  readonly clause: Clause;
}

export interface SplitVerbatims {
  /** cleaned text of each verbatim ('' when blank) */
  readonly cleaned: readonly string[];
  readonly languages: readonly Language[];
  readonly clauses: readonly VerbatimClause[];
}

/** `withClauses` false: clean and detect languages only (no theme matching to do). */
export function verbatimClauses(texts: readonly string[], languages?: readonly (Language | undefined)[], withClauses = true): SplitVerbatims {
  const cleaned = texts.map((t) => cleanTextWithOffsets(t ?? ''));
  const langs: Language[] = cleaned.map((c, i) => languages?.[i] ?? detectLanguage(c.text));
  const clauses: VerbatimClause[] = [];
  cleaned.forEach((c, i) => {
    if (c.text === '' || !withClauses) return;
    const language = langs[i] as Language;
    for (const clause of splitClauses(c.text, language)) {
      const span = originalSpan(c, clause.start, clause.end);
      clauses.push({ verbatim: i, language, clause: { text: clause.text, start: span.start, end: span.end } });
    }
  });
  return { cleaned: cleaned.map((c) => c.text), languages: langs, clauses };
}

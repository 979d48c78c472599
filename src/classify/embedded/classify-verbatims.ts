/**
 * Full classification of a batch of verbatims with any engines (embedded or transformer):
 *
 *   clean (HTML, entities, U+FFFD, length cap) → language → clauses
 *     → overall sentiment of each verbatim
 *     → themes of each clause → sentiment of each clause that mentions a theme
 *
 * Clause offsets point into the original verbatim; clause text is the cleaned text.
 * Example: "le produit est bien mais le support est injoignable" with themes product and support
 *   → mentions [{themeId: 'product', sentiment: positive}, {themeId: 'support', sentiment: negative}].
 */
import type { Clause, Language, SentimentEngine, SentimentResult, ThemeMention, TopicEngine, VerbatimClassification } from '../classifier-types.ts';
import { splitClauses } from '../clauses/split-clauses.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { cleanTextWithOffsets, originalSpan } from './clean-text.ts';

export interface VerbatimEngines {
  readonly sentiment: SentimentEngine;
  readonly topics?: TopicEngine;
}

const EMPTY: SentimentResult = { label: 'neutral', polarity: 0, confidence: 1 };

export async function classifyVerbatims(
  texts: readonly string[],
  engines: VerbatimEngines,
  languages?: readonly (Language | undefined)[],
): Promise<VerbatimClassification[]> {
  const cleaned = texts.map((t) => cleanTextWithOffsets(t ?? ''));
  const langs: Language[] = cleaned.map((c, i) => languages?.[i] ?? detectLanguage(c.text));
  const nonEmpty = cleaned.map((c, i) => i).filter((i) => (cleaned[i]?.text ?? '') !== '');
  const overall = await engines.sentiment.classifySentiment(
    nonEmpty.map((i) => (cleaned[i] as { text: string }).text),
    nonEmpty.map((i) => langs[i] as Language),
  );
  const sentiments: SentimentResult[] = cleaned.map(() => EMPTY);
  nonEmpty.forEach((i, k) => (sentiments[i] = overall[k] as SentimentResult));
  const mentions: ThemeMention[][] = cleaned.map(() => []);
  if (engines.topics !== undefined) {
    const flat: Array<{ verbatim: number; clause: Clause }> = [];
    for (const i of nonEmpty) {
      const c = cleaned[i] as ReturnType<typeof cleanTextWithOffsets>;
      for (const clause of splitClauses(c.text, langs[i])) {
        const span = originalSpan(c, clause.start, clause.end);
        flat.push({ verbatim: i, clause: { text: clause.text, start: span.start, end: span.end } });
      }
    }
    const themes = await engines.topics.matchThemes(
      flat.map((f) => f.clause.text),
      flat.map((f) => langs[f.verbatim] as Language),
    );
    const needed = flat.map((_, k) => k).filter((k) => (themes[k]?.length ?? 0) > 0);
    const clauseSentiment = await engines.sentiment.classifySentiment(
      needed.map((k) => (flat[k] as { clause: Clause }).clause.text),
      needed.map((k) => langs[(flat[k] as { verbatim: number }).verbatim] as Language),
    );
    needed.forEach((k, n) => {
      const f = flat[k] as { verbatim: number; clause: Clause };
      for (const m of themes[k] ?? []) {
        (mentions[f.verbatim] as ThemeMention[]).push({ themeId: m.themeId, clause: f.clause, score: m.score, sentiment: clauseSentiment[n] as SentimentResult });
      }
    });
  }
  return cleaned.map((_, i) => ({ language: langs[i] as Language, sentiment: sentiments[i] as SentimentResult, mentions: mentions[i] as ThemeMention[] }));
}

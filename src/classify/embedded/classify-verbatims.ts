/**
 * Full classification of a batch of verbatims with any engines (embedded or transformer):
 *
 *   clean (HTML, entities, U+FFFD, length cap) → language → clauses (verbatim-clauses.ts)
 *     → overall sentiment of each verbatim
 *     → themes of each clause → sentiment of each clause that mentions a theme
 *
 * Clause offsets point into the original verbatim; clause text is the cleaned text.
 * Example: "le produit est bien mais le support est injoignable" with themes product and support
 *   → mentions [{themeId: 'product', sentiment: positive}, {themeId: 'support', sentiment: negative}].
 */
import type { Language, SentimentEngine, SentimentResult, ThemeMention, TopicEngine, VerbatimClassification } from '../classifier-types.ts';
import { verbatimClauses, type SplitVerbatims } from './verbatim-clauses.ts';

export interface VerbatimEngines {
  readonly sentiment: SentimentEngine;
  readonly topics?: TopicEngine;
}

const EMPTY: SentimentResult = { label: 'neutral', polarity: 0, confidence: 1 };

/** Sentiment of each whole verbatim (neutral for a blank one). */
export async function overallSentiments(split: SplitVerbatims, sentiment: SentimentEngine): Promise<SentimentResult[]> {
  const nonEmpty = split.cleaned.map((_, i) => i).filter((i) => split.cleaned[i] !== '');
  const overall = await sentiment.classifySentiment(
    nonEmpty.map((i) => split.cleaned[i] as string),
    nonEmpty.map((i) => split.languages[i] as Language),
  );
  const sentiments: SentimentResult[] = split.cleaned.map(() => EMPTY);
  nonEmpty.forEach((i, k) => (sentiments[i] = overall[k] as SentimentResult));
  return sentiments;
}

export async function classifyVerbatims(
  texts: readonly string[],
  engines: VerbatimEngines,
  languages?: readonly (Language | undefined)[],
): Promise<VerbatimClassification[]> {
  const cleaned = verbatimClauses(texts, languages, engines.topics !== undefined);
  const langs = cleaned.languages;
  const sentiments = await overallSentiments(cleaned, engines.sentiment);
  const mentions: ThemeMention[][] = cleaned.cleaned.map(() => []);
  if (engines.topics !== undefined) {
    const flat = cleaned.clauses;
    const themes = await engines.topics.matchThemes(
      flat.map((f) => f.clause.text),
      flat.map((f) => f.language),
    );
    const needed = flat.map((_, k) => k).filter((k) => (themes[k]?.length ?? 0) > 0);
    const clauseSentiment = await engines.sentiment.classifySentiment(
      needed.map((k) => flat[k]!.clause.text),
      needed.map((k) => flat[k]!.language),
    );
    needed.forEach((k, n) => {
      const f = flat[k]!;
      for (const m of themes[k] ?? []) {
        mentions[f.verbatim]!.push({
          themeId: m.themeId,
          clause: f.clause,
          score: m.score,
          source: m.source ?? 'embedding',
          evidence: m.evidence ?? '',
          sentiment: clauseSentiment[n] as SentimentResult,
        });
      }
    });
  }
  return cleaned.cleaned.map((_, i) => ({ language: langs[i] as Language, sentiment: sentiments[i] as SentimentResult, mentions: mentions[i] as ThemeMention[] }));
}

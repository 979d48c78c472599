/**
 * The text-only part of classifying a batch of verbatims for a pipeline run whose topic model is trained
 * per run (createPerRunTopicEngine): what classifyVerbatims computes, except that each clause keeps its
 * topic features (clause-topic-features.ts) instead of its themes, and the sentiment of every clause that
 * may get a theme. The run caches this per text, then trains the night's model on the cached clauses and
 * applies it (src/classify/pipeline/run-topic-model-phase.ts): the same mentions classifyVerbatims gives
 * with createEmbeddedTopicEngine and that model.
 *
 * Example:
 *   const [r] = await featurizeVerbatims(['Bien, mais le support est injoignable.'], { sentiment, topics: createPerRunTopicEngine(taxonomy) });
 *   r.clauses.map((c) => c.topic.key) // → ['fr\u0001bien', 'fr\u0001mais le support est injoignable']
 */
import type { Clause, Language, SentimentEngine, SentimentResult, VerbatimClassification } from '../classifier-types.ts';
import { overallSentiments } from './classify-verbatims.ts';
import { clauseTopicFeatures, type ClauseTopicFeatures } from './clause-topic-features.ts';
import { mayMentionTheme } from './clause-themes.ts';
import type { PerRunTopicEngine } from './topic-engine.ts';
import { verbatimClauses } from './verbatim-clauses.ts';

export interface FeaturizedClause {
  readonly clause: Clause;
  readonly topic: ClauseTopicFeatures;
  /** only for a clause that may get a theme (mayMentionTheme) */
  readonly sentiment?: SentimentResult;
}

export interface FeaturizedVerbatim extends VerbatimClassification {
  /** the clauses with at least one word, in order (mentions stay empty: the run's model gives them) */
  readonly clauses: readonly FeaturizedClause[];
}

export async function featurizeVerbatims(
  texts: readonly string[],
  engines: { readonly sentiment: SentimentEngine; readonly topics: PerRunTopicEngine },
  languages?: readonly (Language | undefined)[],
): Promise<FeaturizedVerbatim[]> {
  const split = verbatimClauses(texts, languages);
  const sentiments = await overallSentiments(split, engines.sentiment);
  const { compiled, threshold } = engines.topics.perRun;
  const featurized = split.clauses.map((c) => ({ ...c, topic: clauseTopicFeatures(compiled, c.clause.text, c.language) }));
  const needed = featurized.map((_, k) => k).filter((k) => {
    const topic = featurized[k]!.topic;
    return topic !== undefined && mayMentionTheme(topic, threshold);
  });
  const clauseSentiment = await engines.sentiment.classifySentiment(
    needed.map((k) => featurized[k]!.clause.text),
    needed.map((k) => featurized[k]!.language),
  );
  const sentimentOf = new Map(needed.map((k, n) => [k, clauseSentiment[n] as SentimentResult]));
  const clauses: FeaturizedClause[][] = split.cleaned.map(() => []);
  featurized.forEach((f, k) => {
    if (f.topic === undefined) return;
    const sentiment = sentimentOf.get(k);
    clauses[f.verbatim]!.push({ clause: f.clause, topic: f.topic, ...(sentiment !== undefined ? { sentiment } : {}) });
  });
  return split.cleaned.map((_, i) => ({ language: split.languages[i] as Language, sentiment: sentiments[i] as SentimentResult, mentions: [], clauses: clauses[i] as FeaturizedClause[] }));
}

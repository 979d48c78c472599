/**
 * The sentiment of each theme mention in a run, self-trained on the run's own clauses (no score is read, so
 * what explains NPS in the driver analyses is still never derived from a response's own score):
 *
 *   cached clauses with a sentiment (select-sentiment-clauses.sql: distinct by key and text, with the lexicon's
 *   polarity) ─▶ createSelfTrainer (the lexicon's sure verdicts as pseudo-labels, five folds by clause)
 *     ─▶ selfTrainedScore per clause (the lexicon's verdict when it is sure or the fold model knows none of
 *        the clause's words, else that of the fold model that never saw it) ─▶ clause_sentiment
 *     ─▶ build-clause-theme-mentions.sql puts it on theme_mentions
 *
 * The method and its limits are the verbatim one's (src/classify/embedded/self-trained-sentiment.ts): fewer than
 * 500 distinct clauses, or a lexicon sure of one class only, keeps the lexicon's mention sentiment and says why.
 * Retrained every run from the run's clauses alone, so a night on appended files publishes what a run from
 * scratch publishes.
 *
 * **Example:**
 * ```ts
 * const r = await selfTrainClauseSentiment(conn, cacheKeyParams(key));
 * r.notice; // 'mention sentiment: self-trained on the 41,230 distinct clauses of this run (…); 2,310 clauses the lexicon was unsure of changed label'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile, runSqlFile } from '../../db/sql-file.ts';
import { hashTokens } from '../embedded/domain-features.ts';
import { DEFAULT_NEUTRAL_BAND, lexiconResult } from '../embedded/blend-domain.ts';
import { createSelfTrainer, describeSelfTrained, lexiconOfPolarity, selfTrainedScore, SelfTrainingError, type SelfTrainedModel, type SelfTrainingItem } from '../embedded/self-trained-sentiment.ts';
import type { cacheKeyParams } from './cache-key.ts';
import { round6 } from './serialize-mentions.ts';

export interface ClauseSentimentSummary {
  readonly fingerprint: string;
  /** distinct clauses (by key and text) with a sentiment, trained on */
  readonly clauses: number;
  /** pseudo-labelled clauses per class: negative, neutral, positive */
  readonly pseudoLabels: readonly number[];
  /** distinct clauses whose label differs from the lexicon's */
  readonly relabelled: number;
}

export interface ClauseSentimentResult {
  /** absent when the run keeps the lexicon's mention sentiment (too few clauses, or disabled) */
  readonly summary?: ClauseSentimentSummary;
  readonly notice?: string;
}

interface SentimentClause {
  readonly clauseKey: string;
  readonly clauseText: string;
  readonly item: SelfTrainingItem;
}

/** `enabled` false (no domain adaptation, or a transformer's sentiment) leaves clause_sentiment empty. */
export async function selfTrainClauseSentiment(conn: DuckDBConnection, key: ReturnType<typeof cacheKeyParams>, enabled: boolean): Promise<ClauseSentimentResult> {
  await runSqlFile(conn, 'classify/create-clause-sentiment');
  if (!enabled) return {};
  const rows = await querySqlFile(conn, 'classify/select-sentiment-clauses', key);
  const clauses: SentimentClause[] = rows.map((r) => {
    const clauseKey = String(r.clause_key);
    const clauseText = String(r.clause_text);
    return { clauseKey, clauseText, item: { key: `${clauseKey}\u0000${clauseText}`, hashes: hashTokens(clauseText), lexicon: lexiconOfPolarity(Number(r.polarity)) } };
  });
  const trainer = createSelfTrainer('clause');
  for (const c of clauses) trainer.add(c.item);
  let model: SelfTrainedModel;
  try {
    model = trainer.finish();
  } catch (error) {
    if (!(error instanceof SelfTrainingError)) throw error;
    return { notice: `mention sentiment: the lexicon's, not self-trained (${error.message})` };
  }
  let relabelled = 0;
  const appender = await conn.createAppender('clause_sentiment');
  try {
    for (const c of clauses) {
      const result = selfTrainedScore(model, c.item);
      if (result.label !== lexiconResult(c.item.lexicon.polarity, c.item.lexicon.hits, DEFAULT_NEUTRAL_BAND).label) relabelled++;
      appender.appendVarchar(c.clauseKey);
      appender.appendVarchar(c.clauseText);
      appender.appendVarchar(result.label);
      appender.appendDouble(round6(result.polarity));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const summary = { fingerprint: model.fingerprint, clauses: model.texts, pseudoLabels: model.pseudoLabels, relabelled };
  return { summary, notice: `mention sentiment: ${describeSelfTrained(model, 'this run', 'clause')}; ${relabelled.toLocaleString('en-US')} of the ${model.texts.toLocaleString('en-US')} clauses changed label` };
}

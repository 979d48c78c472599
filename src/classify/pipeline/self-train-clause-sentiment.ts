/**
 * The sentiment of each theme mention, self-trained on the distinct clauses that carry one (no score is read, so
 * what explains NPS in the driver analyses is still never derived from a response's own score):
 *
 *   clauses with a sentiment, distinct by (key, text), with the lexicon's polarity
 *     (a run: select-sentiment-clauses.sql, the cached clauses by clause key;
 *      `ecoute classify`: select-mention-clauses.sql, the mentions' clauses by language)
 *     ─▶ createSelfTrainer (the lexicon's sure verdicts as pseudo-labels, five folds by clause)
 *     ─▶ per clause: the lexicon's label when it leans either way (|polarity| ≥ the neutral band, 0.15: a clause
 *        is short, its lean is its one opinion word); a clause the lexicon calls neutral takes the verdict of the
 *        fold model that never saw it (selfTrainedScore; the lexicon's again when that model knows none of its
 *        words) ─▶ clause_sentiment
 *     ─▶ a run builds theme_mentions with it (build-clause-theme-mentions.sql); the classify command relabels
 *        its cached mentions (relabel-mention-sentiment.sql)
 *
 * The method and its limits are the verbatim one's (src/classify/embedded/self-trained-sentiment.ts): fewer than
 * 500 distinct clauses, or a lexicon sure of one class only, keeps the lexicon's mention sentiment and says why.
 * A function of the clauses alone, so a night on appended files publishes what a run from scratch publishes.
 *
 * **Example:**
 * ```ts
 * const r = await selfTrainClauseSentiment(conn, { sql: 'classify/select-sentiment-clauses', params: cacheKeyParams(key), of: 'this run' });
 * r.notice; // 'mention sentiment: a sentiment model self-trained on 8,881 distinct clauses of this run (…); 350 of the 8,881 clauses changed label'
 * ```
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { EngineInfo } from '../classifier-types.ts';
import { querySqlFile, runSqlFile } from '../../db/sql-file.ts';
import { hashTokens } from '../embedded/domain-features.ts';
import { DEFAULT_NEUTRAL_BAND, lexiconResult } from '../embedded/blend-domain.ts';
import { createSelfTrainer, describeSelfTrained, lexiconOfPolarity, selfTrainedScore, SelfTrainingError, type SelfTrainedModel, type SelfTrainingItem, type SelfTrainingLexicon } from '../embedded/self-trained-sentiment.ts';
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

/** Where the clauses come from: a query returning clause_key, clause_text, polarity (distinct, sorted), and what they are of. */
export interface ClauseSource {
  readonly sql: string;
  readonly params: Record<string, DuckDBValue>;
  /** for the notice: 'this run', 'this input' */
  readonly of: string;
  /**
   * The lexicon's verdict on a clause. Default: read from its polarity (lexiconOfPolarity), for clauses whose
   * polarity is the lexicon's; the classify command scores its mentions' clauses again, as a mention of a
   * one-clause verbatim carries the self-trained verdict on that verbatim.
   */
  readonly lexicon?: (clauseKey: string, clauseText: string, polarity: number) => SelfTrainingLexicon;
}

/** Without a source (no domain adaptation, a transformer's sentiment, no self-training) clause_sentiment stays empty. */
export async function selfTrainClauseSentiment(conn: DuckDBConnection, source: ClauseSource | undefined): Promise<ClauseSentimentResult> {
  await runSqlFile(conn, 'classify/create-clause-sentiment');
  if (source === undefined) return {};
  const rows = await querySqlFile(conn, source.sql, source.params);
  const lexiconOf = source.lexicon ?? ((_key: string, _text: string, polarity: number) => lexiconOfPolarity(polarity));
  const clauses: SentimentClause[] = rows.map((r) => {
    const clauseKey = String(r.clause_key);
    const clauseText = String(r.clause_text);
    const lexicon = lexiconOf(clauseKey, clauseText, Number(r.polarity));
    return { clauseKey, clauseText, item: { key: `${clauseKey}\u0000${clauseText}`, hashes: hashTokens(clauseText), lexicon } };
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
      // a clause's lean is its one opinion word, and stands; the model decides only what the lexicon calls neutral
      const lex = lexiconResult(c.item.lexicon.polarity, c.item.lexicon.hits, DEFAULT_NEUTRAL_BAND);
      const result = lex.label !== 'neutral' ? lex : selfTrainedScore(model, c.item);
      if (result.label !== lex.label) relabelled++;
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
  return { summary, notice: `mention sentiment: ${describeSelfTrained(model, source.of, 'clause')}; ${relabelled.toLocaleString('en-US')} of the ${model.texts.toLocaleString('en-US')} clauses changed label` };
}

/** A topic engine's info saying that its mentions' sentiment was self-trained on the clauses of `summary`. */
export function withMentionSentiment(engine: EngineInfo, summary: ClauseSentimentSummary, of = 'this input'): EngineInfo {
  return { ...engine, description: `${engine.description}; each mention's sentiment self-trained on the ${summary.clauses.toLocaleString('en-US')} distinct clauses of ${of} (no scores)` };
}

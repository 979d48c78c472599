/**
 * The topic model of a pipeline run, retrained every run on the run's own clauses, deterministically
 * (issue 12: a nightly run on appended files publishes what a run from scratch on the same files
 * publishes), from the text-only features cached per text (only a night's new texts are featurized):
 *
 *   classification_cache.clauses × response_text_hashes (occurrences) ─▶ distinct clauses by key
 *     ─▶ trainTopicModelOnClauses (sorted by key, seeded SGD) ─▶ themesOfClause per distinct clause
 *     ─▶ topic_clause_themes ─▶ theme_mentions (rebuilt; the clause sentiment is text-only: self-trained on the
 *        run's clauses, self-train-clause-sentiment.ts, or the lexicon's cached with the clause)
 *
 * Too few seed matches to learn from is not an error: the run keeps to the seeds and says so.
 *
 * **Example:**
 * ```ts
 * const r = await runTopicModelPhase(conn, { key, topics: createPerRunTopicEngine(taxonomy), distinctTexts: 20000, selfTrainSentiment: true });
 * r.notice; // 'topics: embedded topic model 3f9c… trained on 41230 distinct clauses of 20000 distinct texts (18004 seed-matched, 6120 self-labelled)'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EngineInfo } from '../classifier-types.ts';
import { querySqlFile, runSqlFile } from '../../db/sql-file.ts';
import { themesOfClause } from '../embedded/clause-themes.ts';
import { embeddedTopicInfo, type PerRunTopicEngine } from '../embedded/topic-engine.ts';
import { TopicModelError, trainTopicModelOnClauses, type TopicModel } from '../embedded/train-topic-model.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';
import { describeTopicModel, noTopicModelNotice } from './prepare-topic-model.ts';
import { storedClauseFeatures, type StoredDistinctClause } from './serialize-clauses.ts';
import { round6 } from './serialize-mentions.ts';
import { selfTrainClauseSentiment, withMentionSentiment, type ClauseSentimentResult } from './self-train-clause-sentiment.ts';

export interface TopicPhaseOptions {
  /** the cache key the run's texts were featurized under */
  readonly key: CacheKey;
  readonly topics: PerRunTopicEngine;
  /** distinct non-blank verbatims of the run (for the notice) */
  readonly distinctTexts: number;
  /** self-train mention sentiment on the run's clauses (domain adaptation on, embedded sentiment engine) */
  readonly selfTrainSentiment: boolean;
}

export interface TopicPhaseResult {
  /** the engine behind theme_mentions: the night's topic model, or the seed matcher when none could be trained */
  readonly engine: EngineInfo;
  readonly notice: string;
  readonly model?: TopicModel;
  readonly mentionRows: number;
  /** the self-trained mention sentiment, and why not when it could not be trained */
  readonly mentionSentiment: ClauseSentimentResult;
}

export async function runTopicModelPhase(conn: DuckDBConnection, opts: TopicPhaseOptions): Promise<TopicPhaseResult> {
  const { taxonomy, compiled, threshold } = opts.topics.perRun;
  const key = cacheKeyParams(opts.key);
  await runSqlFile(conn, 'classify/create-cached-clauses-macro');
  const rows = (await querySqlFile(conn, 'classify/select-topic-training-clauses', key)) as unknown as StoredDistinctClause[];
  const clauses = rows.map((r) => ({ clause: storedClauseFeatures(r, compiled.themeIds.length), count: Number(r.n) }));
  let model: TopicModel | undefined;
  let notice: string;
  try {
    model = trainTopicModelOnClauses(compiled, taxonomy, clauses);
    notice = `topics: ${describeTopicModel(model, opts.distinctTexts)}`;
  } catch (error) {
    if (!(error instanceof TopicModelError)) throw error;
    notice = noTopicModelNotice(error);
  }
  const topicEngine = embeddedTopicInfo(taxonomy, model, threshold);
  await runSqlFile(conn, 'classify/create-topic-clause-themes');
  const appender = await conn.createAppender('topic_clause_themes');
  try {
    for (const { clause } of clauses) {
      for (const m of themesOfClause(clause, compiled.themeIds, model, threshold)) {
        appender.appendVarchar(clause.key);
        appender.appendVarchar(m.themeId);
        appender.appendDouble(round6(m.score));
        appender.appendVarchar(m.source ?? 'keyword');
        appender.appendVarchar(m.evidence ?? '');
        appender.endRow();
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const mentionSentiment = await selfTrainClauseSentiment(conn, opts.selfTrainSentiment ? { sql: 'classify/select-sentiment-clauses', params: key, of: 'this run' } : undefined);
  // what the run says of its themes says where each mention's sentiment came from
  const engine = mentionSentiment.summary === undefined ? topicEngine : withMentionSentiment(topicEngine, mentionSentiment.summary, 'this run');
  await runSqlFile(conn, 'classify/build-clause-theme-mentions', { ...key, topic_engine: engine.engine, topic_model: engine.model });
  const [count] = await querySqlFile(conn, 'classify/count-output-rows');
  return { engine, notice, ...(model !== undefined ? { model } : {}), mentionRows: Number(count?.mention_rows ?? 0), mentionSentiment };
}

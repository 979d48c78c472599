/**
 * `ecoute classify --taxonomy` with the self-trained sentiment engine: the mentions it cached take the sentiment
 * of a model self-trained on their distinct clauses, as a pipeline run's do (self-train-clause-sentiment.ts), so a
 * file classified by the command and the same texts in a run read their mentions alike.
 *
 *   classification_cache.mentions ─▶ distinct (language, clause) with the lexicon scoring each again (a mention of
 *   a one-clause verbatim carries the self-trained verdict on that verbatim, not the lexicon's)
 *     ─▶ selfTrainClauseSentiment ─▶ clause_sentiment ─▶ relabel-mention-sentiment.sql
 *
 * Too few clauses keeps the lexicon's mention sentiment and the notice says why.
 *
 * **Example:**
 * ```ts
 * const r = await selfTrainCommandMentions(conn, key);
 * r.notice; // 'mention sentiment: a sentiment model self-trained on 2,310 distinct clauses of this input (…)'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Language } from '../classifier-types.ts';
import { runSqlFile } from '../../db/sql-file.ts';
import { summarizeLexicon } from '../embedded/domain-features.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';
import { selfTrainClauseSentiment, type ClauseSentimentResult } from './self-train-clause-sentiment.ts';

const LANGUAGES: ReadonlySet<string> = new Set<Language>(['fr', 'en', 'other']);

export async function selfTrainCommandMentions(conn: DuckDBConnection, key: CacheKey): Promise<ClauseSentimentResult> {
  const params = cacheKeyParams(key);
  const result = await selfTrainClauseSentiment(conn, {
    sql: 'classify/select-mention-clauses',
    params,
    of: 'this input',
    lexicon: (language, text) => summarizeLexicon(text, LANGUAGES.has(language) ? (language as Language) : undefined),
  });
  if (result.summary !== undefined) await runSqlFile(conn, 'classify/relabel-mention-sentiment', params);
  return result;
}

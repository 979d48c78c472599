/**
 * What a cached classification depends on besides the text: the engines (and their model and
 * revision) and the taxonomy version. Change any of them and the cache misses, so exactly the
 * affected texts are classified again.
 */
import type { EngineInfo, SentimentEngine, TopicEngine } from '../classifier-types.ts';
import type { DuckDBValue } from '@duckdb/node-api';

export interface CacheKey {
  readonly engine: string;
  readonly model: string;
  readonly revision: string;
  /** '' when verbatims are not matched against a taxonomy */
  readonly taxonomy_version: string;
}

export interface ClassifyEngines {
  readonly sentiment: SentimentEngine;
  readonly topics?: TopicEngine;
}

const joinDistinct = (a: string, b: string | undefined): string => (b === undefined || a === b ? a : `${a}+${b}`);

/** One engine/model/revision triple covering both tasks; equal parts are not repeated. */
export function buildCacheKey(engines: ClassifyEngines, taxonomyVersion: string | undefined): CacheKey {
  const s = engines.sentiment.info;
  const t = engines.topics?.info;
  return {
    engine: joinDistinct(s.engine, t?.engine),
    model: joinDistinct(s.model, t?.model),
    revision: joinDistinct(s.revision, t?.revision),
    taxonomy_version: t === undefined ? '' : (taxonomyVersion ?? ''),
  };
}

export function cacheKeyParams(key: CacheKey): Record<string, DuckDBValue> {
  return { engine: key.engine, model: key.model, revision: key.revision, taxonomy_version: key.taxonomy_version };
}

/** The EngineInfo of every engine used, sentiment first, without duplicates. */
export function engineInfos(engines: ClassifyEngines): EngineInfo[] {
  const infos = [engines.sentiment.info];
  const t = engines.topics?.info;
  const s = engines.sentiment.info;
  if (t !== undefined && (t.engine !== s.engine || t.model !== s.model || t.revision !== s.revision)) infos.push(t);
  return infos;
}

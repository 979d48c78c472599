/**
 * Engines for the one-off classify / eval commands, chosen on the command line rather than in a
 * pipeline file: the embedded default, or a transformer model directory given by path.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { classifyConfigSchema } from '../classify-config-schema.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveEngines, type ResolvedEngines } from '../registry.ts';
import { mayUseTopicModel, prepareTopicModel } from './prepare-topic-model.ts';
import { loadDomainModel } from './load-domain-model.ts';
import { prepareSelfTrainedSentiment } from './prepare-self-trained-sentiment.ts';

export interface EngineChoice {
  /** default 'embedded'; 'keywords' (topics only): seed matches without the topic model */
  readonly engine?: 'embedded' | 'transformer' | 'keywords';
  /** transformer model directory (path), for the task the command is about */
  readonly model?: string;
  /** default 'fail' */
  readonly fallback?: 'embedded' | 'fail';
  /** texts per chunk */
  readonly batchSize?: number;
  /** a run folder or an exported domain model file: the embedded sentiment engine applies it */
  readonly domainModel?: string;
  /** default true: without a domain model, the embedded sentiment engine self-trains on the input's texts */
  readonly selfTraining?: boolean;
}

/**
 * `conn` holds the input file as the `classify_source` view: with a taxonomy, the embedded topic model
 * is trained on its texts.
 */
export async function resolveCommandEngines(conn: DuckDBConnection, choice: EngineChoice, task: 'sentiment' | 'topics', taxonomy: Taxonomy | undefined): Promise<ResolvedEngines> {
  const engine = choice.engine ?? 'embedded';
  if (engine === 'transformer' && (choice.model === undefined || choice.model.length === 0)) {
    throw new Error('the transformer engine needs a model directory (--model <dir>)');
  }
  const dir = choice.model === undefined ? undefined : resolve(choice.model);
  if (engine === 'keywords' && task !== 'topics') throw new Error('the keywords engine only matches themes (eval --task topics)');
  const taskConfig = engine === 'transformer' && dir !== undefined ? { engine, model: basename(dir), fallback: choice.fallback ?? 'fail' } : { engine };
  const config = classifyConfigSchema.parse({
    [task]: taskConfig,
    domain_adaptation: false,
    ...(choice.batchSize !== undefined ? { batch_size: choice.batchSize } : {}),
  });
  const topicModel = taxonomy !== undefined && mayUseTopicModel(config) ? await prepareTopicModel(conn, taxonomy) : undefined;
  const domain = choice.domainModel === undefined ? undefined : await loadDomainModel(choice.domainModel);
  const selfTrained = domain === undefined && task === 'sentiment' && engine !== 'transformer' && choice.selfTraining !== false ? await prepareSelfTrainedSentiment(conn) : undefined;
  return resolveEngines(config, taxonomy, dir === undefined ? 'models' : dirname(dir), domain, topicModel, selfTrained);
}

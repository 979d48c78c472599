/**
 * Which engine does each verbatim task: a frozen map task → engine name → factory, and
 * `resolveEngines`, which builds the engines a pipeline's `classify:` section asks for.
 * A transformer model that cannot load stops the run, or — only when its `fallback` is
 * 'embedded' — is replaced by the embedded default with a notice saying so.
 *
 * **Example:**
 * ```ts
 * const config = classifyConfigSchema.parse({ sentiment: { engine: 'transformer', model: 'xlm', fallback: 'embedded' } });
 * const r = await resolveEngines(config, taxonomy, 'models');
 * r.sentiment.info.engine; // 'embedded' when models/xlm is broken
 * r.notices; // ['sentiment: model "xlm" could not be loaded (models/xlm/onnx/model.onnx: ...); continuing on the embedded default (fallback: embedded)']
 * ```
 */
import { join, resolve, sep } from 'node:path';
import type { Language, SentimentEngine, TopicEngine } from './classifier-types.ts';
import type { Taxonomy } from '../config/taxonomy-schema.ts';
import type { ClassifyConfig, ModelTaskConfig } from './classify-config-schema.ts';
import { createEmbeddedSentimentEngine, createEmbeddedTopicEngine, createKeywordTopicEngine, detectLanguage, EMBEDDED_TOPIC_MODEL, type DomainModel } from './embedded/index.ts';
import { createPerRunTopicEngine } from './embedded/topic-engine.ts';
import type { TopicModel } from './embedded/train-topic-model.ts';
import type { DomainModelSet } from './embedded/domain-model-set.ts';
import type { SelfTrainedSentiment } from './embedded/self-trained-sentiment.ts';
import { loadTransformerSentiment, loadTransformerTopics } from './transformer/index.ts';

export type ClassifyTask = 'sentiment' | 'topics' | 'language';

export interface EngineContext {
  readonly taxonomy?: Taxonomy;
  /** absolute or cwd-relative models/ root */
  readonly modelsRoot: string;
  readonly domain?: DomainModel | DomainModelSet;
  /** the sentiment model self-trained on the texts to classify (used only without `domain`) */
  readonly selfTrained?: SelfTrainedSentiment;
  /** the topic model trained on the texts to classify, or 'per-run': a pipeline run trains it after featurizing them (embedded topics engine) */
  readonly topicModel?: TopicModel | 'per-run';
  readonly batchSize?: number;
  readonly concurrency?: number;
}

type SentimentFactory = (ctx: EngineContext, model?: string) => Promise<SentimentEngine>;
type TopicFactory = (ctx: EngineContext & { readonly taxonomy: Taxonomy }, model?: string) => Promise<TopicEngine>;
type LanguageFactory = (ctx: EngineContext) => Promise<(text: string) => Language>;

export class EngineConfigError extends Error {
  constructor(
    readonly task: ClassifyTask,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineConfigError';
  }
}

/** The model directory of a task, kept inside the models/ root. */
export function modelPath(modelsRoot: string, model: string): string {
  const root = resolve(modelsRoot);
  const dir = resolve(join(root, model));
  if (dir !== root && !dir.startsWith(root + sep)) throw new EngineConfigError('sentiment', `model directory "${model}" is outside the models root ${root}`);
  return dir;
}

const transformerOptions = (ctx: EngineContext) => ({
  ...(ctx.batchSize !== undefined ? { batchSize: Math.min(ctx.batchSize, 64) } : {}),
  ...(ctx.concurrency !== undefined ? { concurrency: ctx.concurrency } : {}),
});

function requireModel(task: ClassifyTask, model: string | undefined): string {
  if (model === undefined) throw new EngineConfigError(task, `${task}: the transformer engine needs a model directory`);
  return model;
}

export const ENGINE_REGISTRY = Object.freeze({
  sentiment: Object.freeze({
    embedded: (async (ctx) =>
      createEmbeddedSentimentEngine(ctx.domain !== undefined ? { domain: ctx.domain } : ctx.selfTrained !== undefined ? { selfTrained: ctx.selfTrained } : {})) as SentimentFactory,
    transformer: (async (ctx, model) =>
      loadTransformerSentiment(modelPath(ctx.modelsRoot, requireModel('sentiment', model)), transformerOptions(ctx))) as SentimentFactory,
  }),
  topics: Object.freeze({
    embedded: (async (ctx) =>
      ctx.topicModel === 'per-run' ? createPerRunTopicEngine(ctx.taxonomy) : createEmbeddedTopicEngine(ctx.taxonomy, ctx.topicModel === undefined ? {} : { model: ctx.topicModel })) as TopicFactory,
    keywords: (async (ctx) => createKeywordTopicEngine(ctx.taxonomy)) as TopicFactory,
    transformer: (async (ctx, model) =>
      loadTransformerTopics(modelPath(ctx.modelsRoot, requireModel('topics', model)), ctx.taxonomy, transformerOptions(ctx))) as TopicFactory,
  }),
  language: Object.freeze({
    embedded: (async () => detectLanguage) as LanguageFactory,
  }),
});

/** The topic model trained for this run (absent when too few clauses match a seed), with what to report. */
export interface PreparedTopicModel {
  readonly model?: TopicModel;
  readonly notice: string;
}

/** The sentiment model self-trained on the texts to classify (absent when too few), with what to report. */
export interface PreparedSelfTrained {
  readonly model?: SelfTrainedSentiment;
  readonly notice: string;
}

export interface ResolvedEngines {
  readonly sentiment: SentimentEngine;
  /** absent when the pipeline has no taxonomy */
  readonly topics?: TopicEngine;
  readonly detectLanguage: (text: string) => Language;
  /** the domain model the embedded sentiment engine applies (given by the caller, e.g. --domain-model) */
  readonly domain?: DomainModel | DomainModelSet;
  /** the self-trained model the embedded sentiment engine applies (it holds the lexicon's verdict on every text it learned) */
  readonly selfTrained?: SelfTrainedSentiment;
  /** what a report must say: fallbacks used */
  readonly notices: readonly string[];
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function withFallback<E>(
  task: 'sentiment' | 'topics',
  cfg: ModelTaskConfig | { readonly engine: 'embedded' | 'keywords' },
  load: (model: string) => Promise<E>,
  embedded: () => Promise<E>,
  notices: string[],
): Promise<E> {
  if (cfg.engine !== 'transformer') return embedded();
  try {
    return await load(cfg.model);
  } catch (error) {
    if (cfg.fallback !== 'embedded') {
      throw new EngineConfigError(task, `${task}: model "${cfg.model}" could not be loaded (${errorText(error)}); set fallback: embedded to continue on the embedded default`, { cause: error });
    }
    notices.push(`${task}: model "${cfg.model}" could not be loaded (${errorText(error)}); continuing on the embedded default (fallback: embedded)`);
    return embedded();
  }
}

/**
 * The engines a `classify:` section asks for. `domain` is a trained domain model (or cross-fitted set)
 * the embedded sentiment engine applies to every text; `selfTrained`, used only without one, a model
 * self-trained on the texts to classify (the one-off commands); a pipeline run does not pass one: it cross-fits
 * its own after classifying text-only (see cross-fit-phase.ts), so no response is scored by a model
 * trained on its own score.
 */
export async function resolveEngines(
  config: ClassifyConfig,
  taxonomy: Taxonomy | undefined,
  modelsRoot: string,
  domain?: DomainModel | DomainModelSet,
  topicModel?: PreparedTopicModel | 'per-run',
  selfTrained?: PreparedSelfTrained,
): Promise<ResolvedEngines> {
  const notices: string[] = [];
  const ctx: EngineContext = {
    modelsRoot,
    batchSize: config.batch_size,
    concurrency: config.concurrency,
    ...(taxonomy !== undefined ? { taxonomy } : {}),
    ...(topicModel === 'per-run' ? { topicModel } : topicModel?.model !== undefined ? { topicModel: topicModel.model } : {}),
  };
  let used: DomainModel | DomainModelSet | undefined;
  let usedSelf: SelfTrainedSentiment | undefined;
  const embeddedSentiment = async (): Promise<SentimentEngine> => {
    used = domain;
    usedSelf = domain === undefined ? selfTrained?.model : undefined;
    if (domain === undefined && selfTrained !== undefined) notices.push(selfTrained.notice);
    return ENGINE_REGISTRY.sentiment.embedded({ ...ctx, ...(domain !== undefined ? { domain } : {}), ...(usedSelf !== undefined ? { selfTrained: usedSelf } : {}) });
  };
  const sentiment = await withFallback('sentiment', config.sentiment, (m) => ENGINE_REGISTRY.sentiment.transformer(ctx, m), embeddedSentiment, notices);
  let topics: TopicEngine | undefined;
  if (taxonomy !== undefined) {
    const tctx = { ...ctx, taxonomy };
    const embeddedTopics = config.topics.engine === 'keywords' ? () => ENGINE_REGISTRY.topics.keywords(tctx) : () => ENGINE_REGISTRY.topics.embedded(tctx);
    topics = await withFallback('topics', config.topics, (m) => ENGINE_REGISTRY.topics.transformer(tctx, m), embeddedTopics, notices);
  } else if (config.topics.engine === 'transformer') {
    notices.push('topics: the pipeline has no taxonomy, so verbatims are not matched to themes');
  }
  // a per-run model is trained after classification: its notice comes from the pipeline's topic phase
  if (topicModel !== undefined && topicModel !== 'per-run' && topics?.info.engine === 'embedded' && (topics.info.model === EMBEDDED_TOPIC_MODEL || topicModel.model === undefined)) notices.push(topicModel.notice);
  const detect = await ENGINE_REGISTRY.language.embedded(ctx);
  return {
    sentiment,
    ...(topics !== undefined ? { topics } : {}),
    detectLanguage: detect,
    ...(used !== undefined ? { domain: used } : {}),
    ...(usedSelf !== undefined ? { selfTrained: usedSelf } : {}),
    notices,
  };
}

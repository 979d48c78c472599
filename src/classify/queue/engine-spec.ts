/**
 * Everything a worker needs to build the coordinator's engines: the classify settings, the taxonomy,
 * and either the mark of a pipeline run's per-run topic engine (the model is trained after classification
 * from text-only clause features, which the workers compute) or an embedded topic model prepared beforehand (its weights travel as the base64 of their
 * float32 bytes, so the worker's model is bit-for-bit the coordinator's). The domain sentiment model
 * is not part of it: a run classifies texts without it and overlays it afterwards, in its own database. Stored once per run in Redis under its SHA-256
 * (jobs carry only the id); a worker builds the engines from it with its own models/ folder and
 * refuses a job whose cache key (engine, model revision, taxonomy version) its engines do not give.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { classifyConfigSchema, type ClassifyConfig } from '../classify-config-schema.ts';
import { taxonomySchema, type Taxonomy } from '../../config/taxonomy-schema.ts';
import type { TopicModel } from '../embedded/train-topic-model.ts';
import type { PreparedTopicModel } from '../registry.ts';

export const ENGINE_SPEC_FORMAT = 'ecoute-engine-spec/1';
/** Seconds a spec stays in Redis after its run enqueued it (a night's run is far shorter). */
export const ENGINE_SPEC_TTL_SECONDS = 2 * 86_400;

export interface EngineSpec {
  readonly format: typeof ENGINE_SPEC_FORMAT;
  readonly config: Omit<ClassifyConfig, 'queue'>;
  readonly taxonomy?: Taxonomy;
  /** the prepared topic model and its notice (model absent: too few seeds, the run goes on seeds alone) */
  readonly topics?: { readonly notice: string; readonly model?: StoredTopicModel };
  /** a pipeline run: the topic model is trained after classification from the cached clause features,
   * so the workers compute those text-only features (resolveEngines' 'per-run' topic engine) */
  readonly topicsPerRun?: true;
}

const topicModelSchema = z.strictObject({
  themeIds: z.array(z.string()),
  classes: z.number().int().positive(),
  dim: z.number().int().positive(),
  weights: z.string().describe('base64 of the float32 weights, little-endian'),
  bias: z.array(z.number()),
  calibration: z.array(z.number()),
  fingerprint: z.string(),
  stats: z.strictObject({ distinctClauses: z.number(), seeded: z.number(), selfLabelled: z.number(), seedsPerTheme: z.record(z.string(), z.number()) }),
});
type StoredTopicModel = z.infer<typeof topicModelSchema>;

export const engineSpecSchema = z.strictObject({
  format: z.literal(ENGINE_SPEC_FORMAT),
  config: classifyConfigSchema,
  taxonomy: taxonomySchema.optional(),
  topics: z.strictObject({ notice: z.string(), model: topicModelSchema.optional() }).optional(),
  topicsPerRun: z.literal(true).optional(),
});

function storeTopicModel(m: TopicModel): StoredTopicModel {
  const w = m.softmax.weights;
  return {
    themeIds: [...m.themeIds], classes: m.softmax.classes, dim: m.softmax.dim,
    weights: Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('base64'),
    bias: [...m.softmax.bias], calibration: [...m.calibration], fingerprint: m.fingerprint, stats: m.stats,
  };
}

/** The topic model of a spec as resolveEngines takes it; throws when its weights do not fit its shape. */
export function preparedTopicModel(spec: EngineSpec): PreparedTopicModel | 'per-run' | undefined {
  if (spec.topicsPerRun === true) return 'per-run';
  const t = spec.topics;
  if (t === undefined) return undefined;
  if (t.model === undefined) return { notice: t.notice };
  const bytes = Buffer.from(t.model.weights, 'base64');
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (weights.length !== t.model.classes * t.model.dim) throw new Error(`topic model ${t.model.fingerprint}: ${weights.length} weights, expected ${t.model.classes * t.model.dim}`);
  const model: TopicModel = {
    themeIds: t.model.themeIds,
    softmax: { classes: t.model.classes, dim: t.model.dim, weights, bias: Float64Array.from(t.model.bias) },
    calibration: Float64Array.from(t.model.calibration),
    fingerprint: t.model.fingerprint,
    stats: t.model.stats,
  };
  return { model, notice: t.notice };
}

export function buildEngineSpec(config: ClassifyConfig, taxonomy: Taxonomy | undefined, topics: PreparedTopicModel | 'per-run' | undefined): EngineSpec {
  const { queue: _queue, ...rest } = config;
  if (topics === 'per-run') return { format: ENGINE_SPEC_FORMAT, config: rest, ...(taxonomy !== undefined ? { taxonomy } : {}), topicsPerRun: true };
  return {
    format: ENGINE_SPEC_FORMAT, config: rest,
    ...(taxonomy !== undefined ? { taxonomy } : {}),
    ...(topics !== undefined ? { topics: { notice: topics.notice, ...(topics.model !== undefined ? { model: storeTopicModel(topics.model) } : {}) } } : {}),
  };
}

export const specRedisKey = (id: string): string => `ecoute:engine-spec:${id}`;

export function engineSpecId(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

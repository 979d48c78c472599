/**
 * Everything a worker needs to build the coordinator's engines: the classify settings, the taxonomy
 * and the embedded domain model trained by the run. Stored once per run in Redis under its SHA-256
 * (jobs carry only the id); a worker builds the engines from it with its own models/ folder and
 * refuses a job whose cache key (engine, model revision, taxonomy version) its engines do not give.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { classifyConfigSchema, type ClassifyConfig } from '../classify-config-schema.ts';
import { taxonomySchema, type Taxonomy } from '../../config/taxonomy-schema.ts';
import { domainModelSchema } from '../embedded/domain-model-schema.ts';
import type { DomainModel } from '../embedded/domain-model.ts';

export const ENGINE_SPEC_FORMAT = 'ecoute-engine-spec/1';
/** Seconds a spec stays in Redis after its run enqueued it (a night's run is far shorter). */
export const ENGINE_SPEC_TTL_SECONDS = 2 * 86_400;

export interface EngineSpec {
  readonly format: typeof ENGINE_SPEC_FORMAT;
  readonly config: Omit<ClassifyConfig, 'queue'>;
  readonly taxonomy?: Taxonomy;
  readonly domain?: DomainModel;
}

export const engineSpecSchema = z.strictObject({
  format: z.literal(ENGINE_SPEC_FORMAT),
  config: classifyConfigSchema,
  taxonomy: taxonomySchema.optional(),
  domain: domainModelSchema.optional(),
});

export function buildEngineSpec(config: ClassifyConfig, taxonomy: Taxonomy | undefined, domain: DomainModel | undefined): EngineSpec {
  const { queue: _queue, ...rest } = config;
  return { format: ENGINE_SPEC_FORMAT, config: rest, ...(taxonomy !== undefined ? { taxonomy } : {}), ...(domain !== undefined ? { domain } : {}) };
}

export const specRedisKey = (id: string): string => `ecoute:engine-spec:${id}`;

export function engineSpecId(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * What travels through Redis: a chunk job (the texts, their hashes, the cache key the results are
 * for and the id of the engine spec to build) and its result (one classification per text, keyed
 * by the text's hash). Both are validated with zod where they are read: the worker reads jobs, the
 * coordinator reads results.
 *
 * The job id is derived from the key and the texts' hashes, so enqueueing the same chunk twice
 * (a rerun, a retried coordinator) is one job, and its result is the same whoever computes it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { VerbatimClassification } from '../classifier-types.ts';
import type { CacheKey } from '../pipeline/cache-key.ts';

export const CLASSIFY_QUEUE = 'ecoute-classify';
export const CLASSIFY_JOB = 'classify-chunk';

const cacheKeySchema = z.strictObject({ engine: z.string(), model: z.string(), revision: z.string(), taxonomy_version: z.string() });

export const classifyJobSchema = z
  .strictObject({
    spec: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the engine spec stored in Redis'),
    key: cacheKeySchema.describe('engine, model revision and taxonomy version the results are for'),
    hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1),
    texts: z.array(z.string()).min(1),
  })
  .refine((j) => j.hashes.length === j.texts.length, { error: 'hashes and texts differ in length', path: ['hashes'] });

export type ClassifyJob = z.infer<typeof classifyJobSchema>;

const sentimentSchema = z.looseObject({
  label: z.enum(['negative', 'neutral', 'positive']),
  polarity: z.number().min(-1).max(1),
  confidence: z.number().min(0).max(1),
});

/** Loose objects: fields this version does not name (another engine's extras) travel through unchanged. */
const classificationSchema = z.looseObject({
  language: z.enum(['fr', 'en', 'other']),
  sentiment: sentimentSchema,
  mentions: z.array(
    z.looseObject({
      themeId: z.string(),
      clause: z.looseObject({ text: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
      score: z.number(),
      source: z.enum(['keyword', 'label', 'example', 'model', 'embedding']),
      evidence: z.string(),
      sentiment: sentimentSchema,
    }),
  ),
});

export const classifyResultSchema = z.strictObject({
  hashes: z.array(z.string()),
  results: z.array(classificationSchema),
});

export type ClassifyResult = { readonly hashes: readonly string[]; readonly results: readonly VerbatimClassification[] };

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

export function chunkJobId(key: CacheKey, hashes: readonly string[]): string {
  const h = createHash('sha256').update(JSON.stringify(key));
  for (const x of hashes) h.update(x);
  return `chunk-${h.digest('hex')}`;
}

/** The classifications of a result in the order of `hashes`, or the problem that makes it unusable. */
export function resultsFor(hashes: readonly string[], raw: unknown): { results: VerbatimClassification[] } | { problem: string } {
  const parsed = classifyResultSchema.safeParse(raw);
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 3).join('; ') };
  const { hashes: got, results } = parsed.data;
  if (got.length !== hashes.length || results.length !== hashes.length) return { problem: `${results.length} results for ${hashes.length} texts` };
  const mismatch = got.findIndex((h, i) => h !== hashes[i]);
  if (mismatch !== -1) return { problem: `result ${mismatch} is for another text (hash ${got[mismatch]!.slice(0, 12)}…)` };
  return { results: results as unknown as VerbatimClassification[] };
}

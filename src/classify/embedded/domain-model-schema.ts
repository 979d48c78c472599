/**
 * Validation of a DomainModel read from disk or a cache (a boundary): every problem is reported with its path.
 */
import { z } from 'zod';
import { DENSE_FEATURES } from './domain-features.ts';
import { DOMAIN_LABELS, DOMAIN_MODEL_FORMAT, DomainModelError, type DomainModel } from './domain-model.ts';

const K = DOMAIN_LABELS.length;

export const domainModelSchema = z
  .strictObject({
    format: z.literal(DOMAIN_MODEL_FORMAT),
    lexiconVersion: z.string().min(1),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    trainedOn: z.number().int().nonnegative(),
    classCounts: z.array(z.number().int().nonnegative()).length(K),
    dim: z.number().int().positive(),
    bias: z.array(z.number()).length(K),
    dense: z.array(z.array(z.number()).length(DENSE_FEATURES)).length(K),
    features: z.array(z.number().int().nonnegative()),
    weights: z.array(z.number()),
  })
  .superRefine((m, ctx) => {
    if (m.weights.length !== m.features.length * K) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `expected ${m.features.length * K} weights (3 per feature), got ${m.weights.length}` });
    }
    const outOfRange = m.features.findIndex((f) => f >= m.dim);
    if (outOfRange !== -1) ctx.addIssue({ code: 'custom', path: ['features', outOfRange], message: `feature index ≥ dim ${m.dim}` });
  });

/** Parse an unknown JSON value as a DomainModel; throws DomainModelError listing every problem. */
export function parseDomainModel(json: unknown): DomainModel {
  const r = domainModelSchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DomainModelError(`invalid domain model:\n${lines.join('\n')}`);
  }
  return r.data as DomainModel;
}

/**
 * The pipeline file's `classify:` section: which engine does each verbatim task, and what happens
 * when a configured model cannot be loaded. Everything defaults to the embedded engine, so an
 * empty or missing section is valid.
 *
 * ```yaml
 * classify:
 *   sentiment: { engine: transformer, model: xlm-sentiment, fallback: embedded }
 *   topics: { engine: embedded }      # or keywords: seed matches only, no topic model
 *   domain_adaptation: true
 *   batch_size: 256
 *   concurrency: 1
 *   queue: { redis: "redis://HOST:6379", chunk_size: 256 }   # optional: classify on `ecoute worker` processes
 * ```
 */
import { z } from 'zod';
import { queueConfigSchema } from './queue/queue-config-schema.ts';

const modelDir = z
  .string({ error: 'expected a model directory' })
  .min(1, { error: 'expected a model directory' })
  .refine((s) => !s.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(s), { error: 'model directory is relative to the models/ root' })
  .refine((s) => !s.split(/[\\/]/).includes('..'), { error: 'model directory may not leave the models/ root ("..")' })
  .describe('model directory, relative to the models/ root');

const fallback = z
  .enum(['embedded', 'fail'])
  .default('fail')
  .describe('when the model cannot load: "embedded" continues on the embedded default (and says so), "fail" stops the run');

/** A task handled by the embedded engine or by a transformer model directory. */
const modelTaskSchema = z
  .discriminatedUnion('engine', [
    z.strictObject({ engine: z.literal('embedded') }),
    z.strictObject({ engine: z.literal('transformer'), model: modelDir, fallback }),
  ])
  .default({ engine: 'embedded' });

/** Themes: the embedded topic model (default), the keyword matcher alone, or a transformer model directory. */
const topicTaskSchema = z
  .discriminatedUnion('engine', [
    z.strictObject({ engine: z.literal('embedded') }),
    z.strictObject({ engine: z.literal('keywords') }),
    z.strictObject({ engine: z.literal('transformer'), model: modelDir, fallback }),
  ])
  .default({ engine: 'embedded' });

export const classifyConfigSchema = z
  .strictObject({
    sentiment: modelTaskSchema.describe('verbatim and clause sentiment'),
    topics: topicTaskSchema.describe(
      'theme matching against the taxonomy: embedded (keywords, labels and examples seed a topic model trained on the run\'s own clauses), keywords (seed matches only, for comparison) or transformer',
    ),
    language: z
      .strictObject({ engine: z.literal('embedded', { error: 'language detection only has the embedded engine' }) })
      .default({ engine: 'embedded' })
      .describe('language detection (embedded only)'),
    domain_adaptation: z
      .boolean()
      .default(true)
      .describe("adapt the embedded sentiment engine to the pipeline's own data: a domain model cross-fitted on its scored verbatims (or, with too few scores, a model self-trained on its texts), and theme mentions' sentiment self-trained on its clauses (no score read)"),
    batch_size: z.number().int().min(1).max(100_000).default(256).describe('texts per classification chunk'),
    concurrency: z.number().int().min(1).max(32).default(1).describe('chunks classified at the same time'),
    queue: queueConfigSchema.optional(),
  })
  .default({
    sentiment: { engine: 'embedded' },
    topics: { engine: 'embedded' },
    language: { engine: 'embedded' },
    domain_adaptation: true,
    batch_size: 256,
    concurrency: 1,
  })
  .describe('verbatim engine settings');

export type ClassifyConfig = z.infer<typeof classifyConfigSchema>;
export type ModelTaskConfig = ClassifyConfig['sentiment'];
export type TopicTaskConfig = ClassifyConfig['topics'];

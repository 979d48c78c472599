/**
 * The embedded TopicEngines. All match clauses to the themes of a taxonomy; a clause may mention
 * several themes, or none.
 *
 * - `createEmbeddedTopicEngine(taxonomy, { model })`, the default: seed matches (keywords, label phrases,
 *   examples; match-themes.ts) plus the topic model trained on the dataset's own clauses
 *   (train-topic-model.ts), which finds a theme said without its keywords. A seeded theme scores
 *   0.6 + 0.4 × its seed score (what the clause says outright outranks what the model infers);
 *   a clause without any seed (and with at least two content words) gets the model's best theme, scored 0.5–0.6, when the model prefers it to
 *   'none' and its calibrated probability reaches 0.5 (the model finds what the keywords missed; it never
 *   adds a theme to a clause the seeds already placed). Seeds of several themes at the same score are
 *   ordered by the model's probability of each (the words around the keywords decide, not the ids), and
 *   each behind the first loses 0.0001 per place, so stored mentions keep that order.
 *   Without a model (too few seed matches to train one) it keeps to its seeds and says so.
 * - `createKeywordTopicEngine(taxonomy)` (`classify.topics.engine: keywords`): seeds only, for comparison.
 * - `createPerRunTopicEngine(taxonomy)`: the embedded engine of a pipeline run, whose model is trained on
 *   the night's clauses after they are featurized (text-only, cached per text): its revision, part of the
 *   classification cache key, does not depend on the model; `embeddedTopicInfo` describes the night's model.
 *   Its `matchThemes` (seeds only) is what the run gives when too few clauses match a seed to train a model.
 *
 * The rules themselves live in clause-themes.ts, over the features of clause-topic-features.ts.
 *
 * Example:
 *   const topics = createEmbeddedTopicEngine(taxonomy, { model: trainTopicModel(compileTaxonomy(taxonomy), taxonomy, clauses) });
 *   await topics.matchThemes(['we waited two hours and nobody came'], ['en'])
 *   // → [[{ themeId: 'delays', score: 0.57, source: 'model', evidence: '' }]]
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { EngineInfo, Language, ThemeMatch, TopicEngine } from '../classifier-types.ts';
import { clauseTopicFeatures } from './clause-topic-features.ts';
import { themesOfClause } from './clause-themes.ts';
import { compileTaxonomy, type CompiledTaxonomy } from './compile-taxonomy.ts';
import { TOPIC_MODEL_VERSION, type TopicModel } from './train-topic-model.ts';
import { LANGUAGE_DETECTION_VERSION } from '../language/detection-version.ts';

export const EMBEDDED_TOPIC_MODEL = 'ecoute-embedded-topic-model';
export const KEYWORD_TOPIC_MODEL = 'ecoute-embedded-taxonomy-matcher';
/** Bump when the matching rules change. */
export const TOPIC_MATCHER_VERSION = '7';
/** Minimum score of a mention unless told otherwise. */
export const DEFAULT_TOPIC_THRESHOLD = 0.5;

export interface EmbeddedTopicOptions {
  /** minimum score of a mention (default 0.5) */
  readonly threshold?: number;
  /** the topic model trained on this dataset's clauses; without it, seeds only */
  readonly model?: TopicModel;
}

/** The embedded engine of a pipeline run: clauses featurized text-only, the model trained and applied per run. */
export interface PerRunTopicEngine extends TopicEngine {
  readonly perRun: { readonly taxonomy: Taxonomy; readonly compiled: CompiledTaxonomy; readonly threshold: number };
}

export const isPerRunTopicEngine = (e: TopicEngine | undefined): e is PerRunTopicEngine => e !== undefined && 'perRun' in e;

function revisionOf(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

function engineOver(compiled: CompiledTaxonomy, info: EngineInfo, model: TopicModel | undefined, threshold: number): TopicEngine {
  return {
    info,
    async matchThemes(clauses: readonly string[], languages?: readonly Language[]): Promise<ThemeMatch[][]> {
      return clauses.map((clause, i) => {
        const f = clauseTopicFeatures(compiled, clause ?? '', languages?.[i]);
        return f === undefined ? [] : themesOfClause(f, compiled.themeIds, model, threshold);
      });
    },
  };
}

/** What the engine is: the seed matcher, or the seeds plus this topic model. */
export function embeddedTopicInfo(taxonomy: Taxonomy, model: TopicModel | undefined, threshold = DEFAULT_TOPIC_THRESHOLD): EngineInfo {
  if (model === undefined) {
    return {
      engine: 'embedded',
      model: KEYWORD_TOPIC_MODEL,
      revision: revisionOf([TOPIC_MATCHER_VERSION, LANGUAGE_DETECTION_VERSION, String(threshold), JSON.stringify(taxonomy)]),
      description: `embedded keyword matcher (keywords, label phrases and examples of taxonomy v${taxonomy.version}), no topic model`,
    };
  }
  return {
    engine: 'embedded',
    model: EMBEDDED_TOPIC_MODEL,
    revision: revisionOf([TOPIC_MATCHER_VERSION, LANGUAGE_DETECTION_VERSION, TOPIC_MODEL_VERSION, String(threshold), model.fingerprint]),
    description: `embedded topic model (seeded by the keywords, labels and examples of taxonomy v${taxonomy.version}; trained on ${model.stats.distinctClauses} distinct clauses, ${model.stats.seeded} seed-matched; fingerprint ${model.fingerprint}), no transformer installed`,
  };
}

/** Seed matches only: keywords, label phrases and example similarity. */
export function createKeywordTopicEngine(taxonomy: Taxonomy, opts: EmbeddedTopicOptions = {}): TopicEngine {
  const threshold = opts.threshold ?? DEFAULT_TOPIC_THRESHOLD;
  return engineOver(compileTaxonomy(taxonomy), embeddedTopicInfo(taxonomy, undefined, threshold), undefined, threshold);
}

/** Seeds plus the topic model (see the file comment); seeds only when no model is given. */
export function createEmbeddedTopicEngine(taxonomy: Taxonomy, opts: EmbeddedTopicOptions = {}): TopicEngine {
  const threshold = opts.threshold ?? DEFAULT_TOPIC_THRESHOLD;
  return engineOver(compileTaxonomy(taxonomy), embeddedTopicInfo(taxonomy, opts.model, threshold), opts.model, threshold);
}

/** The per-run engine (see the file comment). */
export function createPerRunTopicEngine(taxonomy: Taxonomy, opts: Pick<EmbeddedTopicOptions, 'threshold'> = {}): PerRunTopicEngine {
  const threshold = opts.threshold ?? DEFAULT_TOPIC_THRESHOLD;
  const compiled = compileTaxonomy(taxonomy);
  const info: EngineInfo = {
    engine: 'embedded',
    model: EMBEDDED_TOPIC_MODEL,
    revision: revisionOf([TOPIC_MATCHER_VERSION, LANGUAGE_DETECTION_VERSION, TOPIC_MODEL_VERSION, String(threshold), 'per-run', JSON.stringify(taxonomy)]),
    description: `embedded topic model retrained each run on its clauses (seeded by the keywords, labels and examples of taxonomy v${taxonomy.version}), no transformer installed`,
  };
  return { ...engineOver(compiled, info, undefined, threshold), perRun: { taxonomy, compiled, threshold } };
}

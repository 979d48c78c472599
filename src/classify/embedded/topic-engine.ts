/**
 * The embedded TopicEngines. Both match clauses to the themes of a taxonomy; a clause may mention
 * several themes, or none.
 *
 * - `createEmbeddedTopicEngine(taxonomy, { model })`, the default: seed matches (keywords, label phrases,
 *   examples; match-themes.ts) plus the topic model trained on the dataset's own clauses
 *   (train-topic-model.ts), which finds a theme said without its keywords. A seeded theme scores
 *   0.6 + 0.4 × the model's calibrated probability (so among several seeded themes the model orders them);
 *   a clause without any seed (and with at least two content words) gets the model's best theme, scored 0.5–0.6, when the model prefers it to
 *   'none' and its calibrated probability reaches 0.5 (the model finds what the keywords missed; it never
 *   adds a theme to a clause the seeds already placed).
 *   Without a model (too few seed matches to train one) it keeps to its seeds and says so.
 * - `createKeywordTopicEngine(taxonomy)` (`classify.topics.engine: keywords`): seeds only, for comparison.
 *
 * Example:
 *   const topics = createEmbeddedTopicEngine(taxonomy, { model: trainTopicModel(compileTaxonomy(taxonomy), taxonomy, clauses) });
 *   await topics.matchThemes(['we waited two hours and nobody came'], ['en'])
 *   // → [[{ themeId: 'delays', score: 0.57, source: 'model', evidence: '' }]]
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { Language, ThemeMatch, TopicEngine } from '../classifier-types.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { cleanText } from './clean-text.ts';
import { compileTaxonomy, type CompiledTaxonomy } from './compile-taxonomy.ts';
import { matchSeeds } from './match-themes.ts';
import { softmaxProbabilities } from './softmax-regression.ts';
import { calibrated, seedFeatures, TOPIC_MODEL_VERSION, type TopicModel } from './train-topic-model.ts';

export const EMBEDDED_TOPIC_MODEL = 'ecoute-embedded-topic-model';
export const KEYWORD_TOPIC_MODEL = 'ecoute-embedded-taxonomy-matcher';
/** Bump when the matching rules change. */
export const TOPIC_MATCHER_VERSION = '2';

export interface EmbeddedTopicOptions {
  /** minimum score of a mention (default 0.5) */
  readonly threshold?: number;
  /** the topic model trained on this dataset's clauses; without it, seeds only */
  readonly model?: TopicModel;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
/** A clause needs this many content words before the model alone may give it a theme ("correct." is too little). */
const MIN_MODEL_WORDS = 2;
const contentWordCount = (words: readonly string[]): number => words.filter((w) => w.length > 1 && !STOPWORDS.has(w)).length;

function revisionOf(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

type ScoreClause = (tax: CompiledTaxonomy, clause: string, language: Language | undefined) => ThemeMatch[];

function engineOver(taxonomy: Taxonomy, info: TopicEngine['info'], score: ScoreClause): TopicEngine {
  const compiled = compileTaxonomy(taxonomy);
  return {
    info,
    async matchThemes(clauses, languages) {
      return clauses.map((clause, i) => score(compiled, cleanText(clause ?? ''), languages?.[i]).sort((a, b) => b.score - a.score || a.themeId.localeCompare(b.themeId)));
    },
  };
}

/** Seed matches only: keywords, label phrases and example similarity. */
export function createKeywordTopicEngine(taxonomy: Taxonomy, opts: EmbeddedTopicOptions = {}): TopicEngine {
  const threshold = opts.threshold ?? 0.5;
  const info = {
    engine: 'embedded' as const,
    model: KEYWORD_TOPIC_MODEL,
    revision: revisionOf([TOPIC_MATCHER_VERSION, String(threshold), JSON.stringify(taxonomy)]),
    description: `embedded keyword matcher (keywords, label phrases and examples of taxonomy v${taxonomy.version}), no topic model`,
  };
  return engineOver(taxonomy, info, (tax, clause, language) => {
    const seeds = matchSeeds(tax, clause, language);
    const found: ThemeMatch[] = [];
    seeds.scores.forEach((s, t) => {
      if (s >= threshold) found.push({ themeId: tax.themeIds[t] as string, score: round4(s), source: seeds.sources[t] ?? 'keyword', evidence: seeds.evidence[t] ?? '' });
    });
    return found;
  });
}

/** Seeds plus the topic model (see the file comment); seeds only when no model is given. */
export function createEmbeddedTopicEngine(taxonomy: Taxonomy, opts: EmbeddedTopicOptions = {}): TopicEngine {
  const model = opts.model;
  if (model === undefined) return createKeywordTopicEngine(taxonomy, opts);
  const threshold = opts.threshold ?? 0.5;
  const info = {
    engine: 'embedded' as const,
    model: EMBEDDED_TOPIC_MODEL,
    revision: revisionOf([TOPIC_MATCHER_VERSION, TOPIC_MODEL_VERSION, String(threshold), model.fingerprint]),
    description: `embedded topic model (seeded by the keywords, labels and examples of taxonomy v${taxonomy.version}; trained on ${model.stats.distinctClauses} distinct clauses, ${model.stats.seeded} seed-matched; fingerprint ${model.fingerprint}), no transformer installed`,
  };
  return engineOver(taxonomy, info, (tax, clause, language) => {
    const seeds = matchSeeds(tax, clause, language);
    if (seeds.words.length === 0) return [];
    const raw = softmaxProbabilities(model.softmax, seedFeatures(seeds));
    const q = calibrated(model, raw);
    const found: ThemeMatch[] = [];
    seeds.scores.forEach((s, t) => {
      if (s >= threshold) found.push({ themeId: tax.themeIds[t] as string, score: round4(0.6 + 0.4 * (q[t] as number)), source: seeds.sources[t] ?? 'keyword', evidence: seeds.evidence[t] ?? '' });
    });
    if (found.length > 0 || contentWordCount(seeds.words) < MIN_MODEL_WORDS) return found;
    // no seed: the model's best theme, when it beats 'none' and its calibrated probability reaches 0.5
    let best = 0;
    for (let t = 1; t < q.length; t++) if ((q[t] as number) > (q[best] as number)) best = t;
    const p = q[best] as number;
    const score = 0.5 + 0.2 * (p - 0.5);
    if (p >= 0.5 && (raw[best] as number) > (raw[q.length] as number) && score >= threshold) found.push({ themeId: tax.themeIds[best] as string, score: round4(score), source: 'model', evidence: '' });
    return found;
  });
}

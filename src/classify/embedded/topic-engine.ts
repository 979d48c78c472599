/**
 * The embedded default TopicEngine: matches clauses to the themes of a taxonomy by keywords, labels
 * and similarity to example phrases (see match-themes.ts). A clause may mention several themes.
 *
 * Example:
 *   const topics = createEmbeddedTopicEngine(taxonomy);
 *   await topics.matchThemes(['le support est injoignable'], ['fr'])
 *   // → [[{ themeId: 'support', score: 0.9 }]]
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { TopicEngine } from '../classifier-types.ts';
import { cleanText } from './clean-text.ts';
import { compileTaxonomy } from './compile-taxonomy.ts';
import { scoreThemes } from './match-themes.ts';

export const EMBEDDED_TOPIC_MODEL = 'ecoute-embedded-taxonomy-matcher';
/** Bump when the matching rules change. */
export const TOPIC_MATCHER_VERSION = '1';

export interface EmbeddedTopicOptions {
  /** minimum score of a mention (default 0.5) */
  readonly threshold?: number;
}

export function createEmbeddedTopicEngine(taxonomy: Taxonomy, opts: EmbeddedTopicOptions = {}): TopicEngine {
  const threshold = opts.threshold ?? 0.5;
  const compiled = compileTaxonomy(taxonomy);
  const revision = createHash('sha256')
    .update(`${TOPIC_MATCHER_VERSION}\u0000${threshold}\u0000${JSON.stringify(taxonomy)}`)
    .digest('hex')
    .slice(0, 16);
  return {
    info: {
      engine: 'embedded',
      model: EMBEDDED_TOPIC_MODEL,
      revision,
      description: `embedded default (keyword, label and example matching on taxonomy v${taxonomy.version}), no transformer installed`,
    },
    async matchThemes(clauses, languages) {
      return clauses.map((clause, i) => {
        const scores = scoreThemes(compiled, cleanText(clause ?? ''), languages?.[i]);
        const found: Array<{ themeId: string; score: number }> = [];
        scores.forEach((s, t) => {
          if (s >= threshold) found.push({ themeId: compiled.themeIds[t] as string, score: Math.round(s * 1e4) / 1e4 });
        });
        return found.sort((a, b) => b.score - a.score || a.themeId.localeCompare(b.themeId));
      });
    },
  };
}

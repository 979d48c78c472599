/**
 * The themes of a clause from its topic features (clause-topic-features.ts), with or without a topic model
 * (the rules are described in topic-engine.ts). Pure: the embedded engines call it on features they just
 * computed, a pipeline run on the features it cached per text, with the model it trained that night.
 *
 * Example:
 *   themesOfClause(features, tax.themeIds, model, 0.5) // → [{ themeId: 'delays', score: 0.57, source: 'model', evidence: '' }]
 */
import type { ThemeMatch } from '../classifier-types.ts';
import type { ClauseTopicFeatures } from './clause-topic-features.ts';
import { softmaxProbabilities } from './linear-classifier.ts';
import { calibrated, type TopicModel } from './train-topic-model.ts';

/** A clause needs this many content words before the model alone may give it a theme ("correct." is too little). */
export const MIN_MODEL_WORDS = 2;

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

const byScore = (a: ThemeMatch, b: ThemeMatch): number => b.score - a.score || a.themeId.localeCompare(b.themeId);

/** Whether a clause may get a theme at all (a seed reaching the threshold, or enough words for the model). */
export function mayMentionTheme(f: ClauseTopicFeatures, threshold: number): boolean {
  return f.contentWords >= MIN_MODEL_WORDS || f.scores.some((s) => s >= threshold);
}

/** Seeds reaching the threshold, scored by `score(seed score, theme)`. */
function seedMatches(f: ClauseTopicFeatures, themeIds: readonly string[], threshold: number, score: (s: number, t: number) => number): ThemeMatch[] {
  const found: ThemeMatch[] = [];
  f.scores.forEach((s, t) => {
    if (s >= threshold) found.push({ themeId: themeIds[t] as string, score: round4(score(s, t)), source: f.sources[t] ?? 'keyword', evidence: f.evidence[t] ?? '' });
  });
  return found;
}

/** What a tied seed loses per place behind the model's preferred one (the scores' last kept decimal). */
export const TIE_STEP = 1e-4;

/**
 * Seeds tied at one score, in the model's order: each loses TIE_STEP per place behind the first, so the
 * order survives wherever mentions are stored and sorted (serialize-mentions.ts sorts by clause and theme id)
 * and the strongest mention of a text or clause is the model's choice, not the first id in the alphabet.
 */
function separateTies(sorted: ThemeMatch[]): ThemeMatch[] {
  let place = 0;
  return sorted.map((m, k) => {
    place = k > 0 && m.score === (sorted[k - 1] as ThemeMatch).score ? place + 1 : 0;
    return place === 0 ? m : { ...m, score: round4(m.score - place * TIE_STEP) };
  });
}

/** Themes of a clause, strongest first; seeds only when `model` is undefined. */
export function themesOfClause(f: ClauseTopicFeatures, themeIds: readonly string[], model: TopicModel | undefined, threshold: number): ThemeMatch[] {
  if (model === undefined) return seedMatches(f, themeIds, threshold, (s) => s).sort(byScore);
  const found = seedMatches(f, themeIds, threshold, (s) => 0.6 + 0.4 * s);
  const tied = found.length > 1 && new Set(found.map((m) => m.score)).size < found.length;
  if (!tied && (found.length > 0 || f.contentWords < MIN_MODEL_WORDS)) return found.sort(byScore);
  const raw = softmaxProbabilities(model.softmax, f.features);
  const q = calibrated(model, raw);
  if (tied) {
    // seeds of several themes at the same score: the model, trained on this dataset's contexts, orders them
    // (the words around the keywords: "a fee for my top-up" reads as a top-up), not the ids' alphabet
    const modelScore = new Map(themeIds.map((id, t) => [id, q[t] as number]));
    found.sort((a, b) => b.score - a.score || (modelScore.get(b.themeId) as number) - (modelScore.get(a.themeId) as number) || a.themeId.localeCompare(b.themeId));
    return separateTies(found);
  }
  // no seed: the model's best theme, when it beats 'none' and its calibrated probability reaches 0.5
  let best = 0;
  for (let t = 1; t < q.length; t++) if ((q[t] as number) > (q[best] as number)) best = t;
  const p = q[best] as number;
  const score = 0.5 + 0.2 * (p - 0.5);
  if (p >= 0.5 && (raw[best] as number) > (raw[q.length] as number) && score >= threshold) found.push({ themeId: themeIds[best] as string, score: round4(score), source: 'model', evidence: '' });
  return found;
}

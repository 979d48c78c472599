/**
 * Maps a classifier's id2label to ecoute's negative/neutral/positive, and its probabilities to a
 * SentimentResult. Conventions handled:
 *   negative/neutral/positive, NEGATIVE/POSITIVE, neg/neu/pos (any case, prefix match);
 *   "1 star" … "5 stars" (or bare "1".."5"): polarity from the expected number of stars E,
 *     label from E rounded (1-2 negative, 3 neutral, 4-5 positive), confidence = the
 *     probability mass of the stars of that label;
 *   LABEL_0/LABEL_1 (binary: negative, positive), LABEL_0..2 (negative, neutral, positive),
 *     LABEL_0..4 (1-5 stars).
 * A binary model has no neutral class: a text whose polarity |p(pos) − p(neg)| is under
 * `binaryNeutralBand` is labelled neutral.
 */
import type { SentimentLabel, SentimentResult } from '../classifier-types.ts';

export type LabelRole = { readonly kind: 'class'; readonly label: SentimentLabel } | { readonly kind: 'stars'; readonly stars: number };

export interface SentimentLabelMap {
  readonly mode: 'classes' | 'stars';
  /** role of each output index */
  readonly roles: readonly LabelRole[];
}

export class LabelMapError extends Error {
  constructor(readonly label: string) {
    super(`cannot map label "${label}"`);
    this.name = 'LabelMapError';
  }
}

const CLASS_PREFIXES: ReadonlyArray<[string, SentimentLabel]> = [
  ['neg', 'negative'],
  ['neu', 'neutral'],
  ['pos', 'positive'],
];

export function buildSentimentLabelMap(id2label: Readonly<Record<string, string>>): SentimentLabelMap {
  const count = Object.keys(id2label).length;
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = id2label[String(i)];
    if (label === undefined) throw new LabelMapError(`(missing index ${i})`);
    labels.push(label);
  }
  const roles = labels.map((label) => roleOf(label, count));
  const kinds = new Set(roles.map((r) => r.kind));
  if (kinds.size !== 1) throw new LabelMapError(labels.join(', '));
  const mode = roles[0]?.kind === 'stars' ? 'stars' : 'classes';
  if (mode === 'classes') {
    const has = (l: SentimentLabel): boolean => roles.some((r) => r.kind === 'class' && r.label === l);
    if (!has('negative') || !has('positive')) throw new LabelMapError(labels.join(', '));
  }
  return { mode, roles };
}

function roleOf(raw: string, count: number): LabelRole {
  const label = raw.trim().toLowerCase();
  const stars = /^([1-9])(\s*stars?)?$/.exec(label);
  if (stars) return { kind: 'stars', stars: Number(stars[1]) };
  const generic = /^label_(\d+)$/.exec(label);
  if (generic) {
    const k = Number(generic[1]);
    if (count === 2 && k < 2) return { kind: 'class', label: k === 0 ? 'negative' : 'positive' };
    if (count === 3 && k < 3) return { kind: 'class', label: (['negative', 'neutral', 'positive'] as const)[k] ?? 'neutral' };
    if (count === 5 && k < 5) return { kind: 'stars', stars: k + 1 };
    throw new LabelMapError(raw);
  }
  for (const [prefix, mapped] of CLASS_PREFIXES) if (label.startsWith(prefix)) return { kind: 'class', label: mapped };
  throw new LabelMapError(raw);
}

export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] ?? -Infinity);
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export interface ToSentimentOptions {
  /** binary models: |polarity| below this is neutral (default 0.2) */
  readonly binaryNeutralBand?: number;
}

export function probabilitiesToSentiment(probs: readonly number[], map: SentimentLabelMap, opts: ToSentimentOptions = {}): SentimentResult {
  const mass: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  if (map.mode === 'stars') {
    const starValues = map.roles.map((r) => (r.kind === 'stars' ? r.stars : 0));
    const lo = Math.min(...starValues);
    const hi = Math.max(...starValues);
    const mid = (lo + hi) / 2;
    let expected = 0;
    map.roles.forEach((r, i) => {
      const p = probs[i] ?? 0;
      const s = r.kind === 'stars' ? r.stars : mid;
      expected += p * s;
      mass[s < mid ? 'negative' : s > mid ? 'positive' : 'neutral'] += p;
    });
    const polarity = hi > lo ? Math.max(-1, Math.min(1, (expected - mid) / ((hi - lo) / 2))) : 0;
    // the label follows the expected stars rounded: 1-2 negative, 3 neutral, 4-5 positive
    const label: SentimentLabel = expected < mid - 0.5 ? 'negative' : expected >= mid + 0.5 ? 'positive' : 'neutral';
    return { label, polarity, confidence: mass[label] };
  }
  map.roles.forEach((r, i) => {
    if (r.kind === 'class') mass[r.label] += probs[i] ?? 0;
  });
  const polarity = Math.max(-1, Math.min(1, mass.positive - mass.negative));
  const hasNeutral = map.roles.some((r) => r.kind === 'class' && r.label === 'neutral');
  if (!hasNeutral && Math.abs(polarity) < (opts.binaryNeutralBand ?? 0.2)) {
    return { label: 'neutral', polarity, confidence: 1 - Math.abs(polarity) };
  }
  const order: SentimentLabel[] = ['negative', 'neutral', 'positive'];
  let best: SentimentLabel = 'neutral';
  for (const l of order) if (mass[l] > mass[best]) best = l;
  return { label: best, polarity, confidence: mass[best] };
}

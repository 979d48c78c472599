/**
 * Gold sentiment labels come in many shapes. The mapping is chosen from the set of values in the
 * column, and described so the eval report can say how the file was read:
 *   negative/neutral/positive (and neg/neu/pos, négatif/neutre/positif) → as is
 *   -1/0/1 → negative/neutral/positive
 *   0/1 → negative/positive (binary: evalFile then predicts by the sign of the polarity)
 *   1-5 stars → 1-2 negative, 3 neutral, 4-5 positive
 *   0-10 (NPS) → 0-6 negative, 7-8 neutral, 9-10 positive
 */
import type { SentimentLabel } from '../classifier-types.ts';
import { foldText } from '../embedded/fold-text.ts';

export interface GoldLabelMapping {
  readonly labels: SentimentLabel[];
  readonly scheme: 'names' | 'signed' | 'binary' | 'stars' | 'nps';
  readonly description: string;
}

export class GoldLabelError extends Error {}

const NAMES: Readonly<Record<string, SentimentLabel>> = {
  negative: 'negative', neg: 'negative', negatif: 'negative', bad: 'negative',
  neutral: 'neutral', neu: 'neutral', neutre: 'neutral', mixed: 'neutral',
  positive: 'positive', pos: 'positive', positif: 'positive', good: 'positive',
};

const asNumber = (v: string): number | undefined => (/^-?\d+(\.0+)?$/.test(v.trim()) ? Number(v.trim()) : undefined);

export function mapGoldSentiment(values: readonly string[]): GoldLabelMapping {
  const folded = values.map((v) => foldText(v.trim()));
  if (folded.every((v) => NAMES[v] !== undefined)) {
    return { labels: folded.map((v) => NAMES[v]!), scheme: 'names', description: 'label names (negative/neutral/positive, neg/neu/pos, négatif/neutre/positif) read as is' };
  }
  const nums = values.map(asNumber);
  const bad = values.filter((_, i) => nums[i] === undefined);
  if (bad.length > 0) {
    throw new GoldLabelError(`cannot map label values ${[...new Set(bad)].slice(0, 5).map((v) => JSON.stringify(v)).join(', ')} to negative/neutral/positive`);
  }
  const set = new Set(nums as number[]);
  const within = (lo: number, hi: number): boolean => [...set].every((n) => n >= lo && n <= hi);
  if (within(0, 1)) {
    return { labels: nums.map((n) => (n === 1 ? 'positive' : 'negative')), scheme: 'binary', description: 'binary 0/1 read as negative/positive' };
  }
  if (within(-1, 1)) {
    return { labels: nums.map((n) => (n! < 0 ? 'negative' : n === 0 ? 'neutral' : 'positive')), scheme: 'signed', description: '-1/0/1 read as negative/neutral/positive' };
  }
  if (within(1, 5)) {
    return { labels: nums.map((n) => (n! <= 2 ? 'negative' : n === 3 ? 'neutral' : 'positive')), scheme: 'stars', description: '1-5 stars: 1-2 negative, 3 neutral, 4-5 positive' };
  }
  if (within(0, 10)) {
    return { labels: nums.map((n) => (n! <= 6 ? 'negative' : n! <= 8 ? 'neutral' : 'positive')), scheme: 'nps', description: '0-10 NPS scores: 0-6 negative, 7-8 neutral, 9-10 positive' };
  }
  throw new GoldLabelError(`numeric labels ${[...set].sort((a, b) => a - b).join(', ')} fit no known scale (0/1, -1/0/1, 1-5 stars, 0-10)`);
}

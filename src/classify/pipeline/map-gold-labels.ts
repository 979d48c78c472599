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
  /** one per value; undefined where the value could not be read (see `unreadable`) */
  readonly labels: Array<SentimentLabel | undefined>;
  /** values that are neither a label name nor a number, when they are few (< 5 % of rows): skipped, never guessed */
  readonly unreadable: string[];
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

/** Share of rows whose label may be unreadable before the whole column is refused. */
const MAX_UNREADABLE_SHARE = 0.05;

function refuseOrSkip(values: readonly string[], bad: readonly string[]): string[] {
  if (bad.length === 0) return [];
  if (bad.length >= MAX_UNREADABLE_SHARE * values.length) {
    throw new GoldLabelError(`cannot map label values ${[...new Set(bad)].slice(0, 5).map((v) => JSON.stringify(v)).join(', ')} to negative/neutral/positive`);
  }
  return [...bad];
}

export function mapGoldSentiment(values: readonly string[]): GoldLabelMapping {
  const folded = values.map((v) => foldText(v.trim()));
  const named = folded.filter((v) => NAMES[v] !== undefined).length;
  if (named > 0 && named >= values.length * (1 - MAX_UNREADABLE_SHARE)) {
    const unreadable = refuseOrSkip(values, values.filter((_, i) => NAMES[folded[i]!] === undefined));
    return { labels: folded.map((v) => NAMES[v]), unreadable, scheme: 'names', description: 'label names (negative/neutral/positive, neg/neu/pos, négatif/neutre/positif) read as is' };
  }
  const all = values.map(asNumber);
  const unreadable = refuseOrSkip(values, values.filter((_, i) => all[i] === undefined));
  const nums = all.filter((n): n is number => n !== undefined);
  const set = new Set(nums);
  const within = (lo: number, hi: number): boolean => [...set].every((n) => n >= lo && n <= hi);
  if (within(0, 1)) {
    return { labels: all.map((n) => (n === undefined ? undefined : n === 1 ? 'positive' : 'negative')), unreadable, scheme: 'binary', description: 'binary 0/1 read as negative/positive' };
  }
  if (within(-1, 1)) {
    return { labels: all.map((n) => (n === undefined ? undefined : n < 0 ? 'negative' : n === 0 ? 'neutral' : 'positive')), unreadable, scheme: 'signed', description: '-1/0/1 read as negative/neutral/positive' };
  }
  if (within(1, 5)) {
    return { labels: all.map((n) => (n === undefined ? undefined : n <= 2 ? 'negative' : n === 3 ? 'neutral' : 'positive')), unreadable, scheme: 'stars', description: '1-5 stars: 1-2 negative, 3 neutral, 4-5 positive' };
  }
  if (within(0, 10)) {
    return { labels: all.map((n) => (n === undefined ? undefined : n <= 6 ? 'negative' : n <= 8 ? 'neutral' : 'positive')), unreadable, scheme: 'nps', description: '0-10 NPS scores: 0-6 negative, 7-8 neutral, 9-10 positive' };
  }
  throw new GoldLabelError(`numeric labels ${[...set].sort((a, b) => a - b).join(', ')} fit no known scale (0/1, -1/0/1, 1-5 stars, 0-10)`);
}

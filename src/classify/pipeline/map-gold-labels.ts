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

interface Scale {
  readonly scheme: GoldLabelMapping['scheme'];
  readonly lo: number;
  readonly hi: number;
  readonly map: (n: number) => SentimentLabel;
  readonly description: string;
}

/** Numeric scales, narrowest first: the first one holding (almost) every value is the file's scale. */
const SCALES: readonly Scale[] = [
  { scheme: 'binary', lo: 0, hi: 1, map: (n) => (n === 1 ? 'positive' : 'negative'), description: 'binary 0/1 read as negative/positive' },
  { scheme: 'signed', lo: -1, hi: 1, map: (n) => (n < 0 ? 'negative' : n === 0 ? 'neutral' : 'positive'), description: '-1/0/1 read as negative/neutral/positive' },
  { scheme: 'stars', lo: 1, hi: 5, map: (n) => (n <= 2 ? 'negative' : n === 3 ? 'neutral' : 'positive'), description: '1-5 stars: 1-2 negative, 3 neutral, 4-5 positive' },
  { scheme: 'nps', lo: 0, hi: 10, map: (n) => (n <= 6 ? 'negative' : n <= 8 ? 'neutral' : 'positive'), description: '0-10 NPS scores: 0-6 negative, 7-8 neutral, 9-10 positive' },
];

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
  const parsed = values.map(asNumber);
  const notNumbers = values.filter((_, i) => parsed[i] === undefined);
  const numbers = parsed.filter((n): n is number => n !== undefined);
  const scale = SCALES.find((sc) => numbers.length > 0 && numbers.filter((n) => n >= sc.lo && n <= sc.hi).length >= numbers.length * (1 - MAX_UNREADABLE_SHARE));
  if (scale !== undefined) {
    const outside = values.filter((_, i) => parsed[i] !== undefined && ((parsed[i] as number) < scale.lo || (parsed[i] as number) > scale.hi));
    const unreadable = refuseOrSkip(values, [...notNumbers, ...outside]);
    const labels = parsed.map((n) => (n === undefined || n < scale.lo || n > scale.hi ? undefined : scale.map(n)));
    return { labels, unreadable, scheme: scale.scheme, description: scale.description };
  }
  refuseOrSkip(values, notNumbers);
  const set = new Set(numbers);
  throw new GoldLabelError(`numeric labels ${[...set].sort((a, b) => a - b).join(', ')} fit no known scale (0/1, -1/0/1, 1-5 stars, 0-10)`);
}

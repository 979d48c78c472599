/**
 * Label sets of the generated sentiment classifiers, mirroring real model conventions:
 * 3-class (cardiffnlp style), 5-star (nlptown style), LABEL_0/LABEL_1 (binary SST-2 exports),
 * NEGATIVE/POSITIVE (distilbert-sst2), neg/neu/pos.
 * Each label has a polarity direction in [-1, 1] that the tiny weights follow.
 */
export const LABEL_SCHEMES = {
  '3-class': { labels: ['negative', 'neutral', 'positive'], polarities: [-1, 0, 1] },
  '5-star': { labels: ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'], polarities: [-1, -0.5, 0, 0.5, 1] },
  binary: { labels: ['LABEL_0', 'LABEL_1'], polarities: [-1, 1] },
  'label-3': { labels: ['LABEL_0', 'LABEL_1', 'LABEL_2'], polarities: [-1, 0, 1] },
  'pos-neg': { labels: ['NEGATIVE', 'POSITIVE'], polarities: [-1, 1] },
  'neg-neu-pos': { labels: ['neg', 'neu', 'pos'], polarities: [-1, 0, 1] },
} as const satisfies Record<string, { labels: readonly string[]; polarities: readonly number[] }>;

export type LabelSchemeName = keyof typeof LABEL_SCHEMES;

export interface LabelScheme {
  readonly labels: readonly string[];
  readonly polarities: readonly number[];
}

export function resolveLabelScheme(scheme: LabelSchemeName | LabelScheme | undefined): LabelScheme {
  if (scheme === undefined) return LABEL_SCHEMES['3-class'];
  if (typeof scheme === 'string') return LABEL_SCHEMES[scheme];
  if (scheme.labels.length !== scheme.polarities.length || scheme.labels.length < 2) {
    throw new Error('a label scheme needs at least 2 labels and one polarity per label');
  }
  return scheme;
}

export function id2label(labels: readonly string[]): { id2label: Record<string, string>; label2id: Record<string, number> } {
  const i2l: Record<string, string> = {};
  const l2i: Record<string, number> = {};
  labels.forEach((label, i) => {
    i2l[String(i)] = label;
    l2i[label] = i;
  });
  return { id2label: i2l, label2id: l2i };
}

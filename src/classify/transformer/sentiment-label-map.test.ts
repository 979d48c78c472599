import { describe, expect, it } from 'vitest';
import { buildSentimentLabelMap, LabelMapError, probabilitiesToSentiment, softmax } from './sentiment-label-map.ts';

const map = (labels: string[]) => buildSentimentLabelMap(Object.fromEntries(labels.map((l, i) => [String(i), l])));

describe('buildSentimentLabelMap', () => {
  it('recognises class names in any case', () => {
    expect(map(['NEGATIVE', 'POSITIVE']).roles.map((r) => (r.kind === 'class' ? r.label : r.stars))).toEqual(['negative', 'positive']);
    expect(map(['neg', 'neu', 'pos']).roles.map((r) => (r.kind === 'class' ? r.label : r.stars))).toEqual(['negative', 'neutral', 'positive']);
    expect(map(['Positive', 'Negative', 'Neutral']).roles.map((r) => (r.kind === 'class' ? r.label : r.stars))).toEqual(['positive', 'negative', 'neutral']);
  });
  it('maps LABEL_k by label count', () => {
    expect(map(['LABEL_0', 'LABEL_1']).roles).toEqual([{ kind: 'class', label: 'negative' }, { kind: 'class', label: 'positive' }]);
    expect(map(['LABEL_0', 'LABEL_1', 'LABEL_2']).roles[1]).toEqual({ kind: 'class', label: 'neutral' });
    expect(map(['LABEL_0', 'LABEL_1', 'LABEL_2', 'LABEL_3', 'LABEL_4'])).toEqual({ mode: 'stars', roles: [1, 2, 3, 4, 5].map((stars) => ({ kind: 'stars', stars })) });
  });
  it('maps star labels', () => {
    expect(map(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']).mode).toBe('stars');
    expect(map(['1', '2', '3', '4', '5']).mode).toBe('stars');
  });
  it('rejects labels it cannot map, or a set without both poles', () => {
    expect(() => map(['joy', 'anger'])).toThrow(LabelMapError);
    expect(() => map(['LABEL_0', 'LABEL_1', 'LABEL_2', 'LABEL_3'])).toThrow(LabelMapError);
    expect(() => map(['negative', 'neutral'])).toThrow(LabelMapError);
    expect(() => map(['1 star', 'positive'])).toThrow(LabelMapError);
  });
});

describe('probabilitiesToSentiment', () => {
  it('takes polarity from expected stars and the label from its rounding', () => {
    const stars = map(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    const r = probabilitiesToSentiment([0, 0, 0, 0.5, 0.5], stars);
    expect(r.label).toBe('positive');
    expect(r.polarity).toBeCloseTo(0.75, 10);
    expect(r.confidence).toBeCloseTo(1, 10);
    expect(probabilitiesToSentiment([0.2, 0.2, 0.2, 0.2, 0.2], stars).label).toBe('neutral');
    expect(probabilitiesToSentiment([0.9, 0.1, 0, 0, 0], stars)).toMatchObject({ label: 'negative', polarity: -0.95 });
  });
  it('uses the neutral band for binary models', () => {
    const bin = map(['NEGATIVE', 'POSITIVE']);
    expect(probabilitiesToSentiment([0.55, 0.45], bin).label).toBe('neutral');
    expect(probabilitiesToSentiment([0.55, 0.45], bin, { binaryNeutralBand: 0.05 }).label).toBe('negative');
    expect(probabilitiesToSentiment([0.1, 0.9], bin)).toMatchObject({ label: 'positive', confidence: 0.9 });
  });
  it('softmax is stable for large logits', () => {
    const p = softmax([1000, 1000, -1000]);
    expect(p[0]).toBeCloseTo(0.5, 10);
    expect(p[2]).toBe(0);
  });
});

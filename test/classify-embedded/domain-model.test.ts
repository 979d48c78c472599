import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../src/classify/classifier-types.ts';
import {
  classifyVerbatims,
  createEmbeddedTopicEngine,
  createEmbeddedSentimentEngine,
  DomainModelError,
  parseDomainModel,
  sentimentLabelFromScore,
  trainDomainModel,
} from '../../src/classify/embedded/index.ts';
import { scoreClassification } from '../../src/classify/eval/score-classification.ts';
import { createRng } from '../../src/util/random.ts';
import { TAXONOMY } from './fixtures.ts';

/**
 * A synthetic domain whose jargon the lexicon does not know: "zorg" and "plick" mean trouble,
 * "vimble" and "tarn" mean satisfaction, sentences otherwise neutral.
 */
function corpus(n: number, seed: number): { texts: string[]; labels: SentimentLabel[] } {
  const rng = createRng(seed);
  const neutral = ['the modem', 'my account', 'the technician', 'the contract', 'the app', 'the shop'];
  const neg = ['zorg', 'plick', 'zorged again', 'full plick'];
  const pos = ['vimble', 'tarn', 'so vimble', 'tarn as usual'];
  const texts: string[] = [];
  const labels: SentimentLabel[] = [];
  for (let i = 0; i < n; i++) {
    const label: SentimentLabel = rng.chance(0.5) ? 'positive' : 'negative';
    texts.push(`${rng.pick(neutral)} was ${rng.pick(label === 'positive' ? pos : neg)} with ${rng.pick(neutral)}`);
    labels.push(label);
  }
  return { texts, labels };
}

describe('trainDomainModel', () => {
  const train = corpus(400, 1);
  const test = corpus(200, 2);

  it('is deterministic and JSON-serialisable', () => {
    const a = trainDomainModel(train.texts, train.labels);
    const b = trainDomainModel(train.texts, train.labels);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(parseDomainModel(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(a.trainedOn).toBe(400);
  });

  it('fingerprints the training data and options', () => {
    const a = trainDomainModel(train.texts, train.labels);
    const flipped = train.labels.map((l, i) => (i === 0 ? (l === 'positive' ? 'negative' : 'positive') : l));
    expect(trainDomainModel(train.texts, flipped).fingerprint).not.toBe(a.fingerprint);
    expect(trainDomainModel(train.texts, train.labels, { seed: 2 }).fingerprint).not.toBe(a.fingerprint);
  });

  it('learns vocabulary the lexicon does not know', async () => {
    const gold = test.labels;
    const lexicon = await createEmbeddedSentimentEngine().classifySentiment(test.texts, test.texts.map(() => 'en'));
    const domain = createEmbeddedSentimentEngine({ domain: trainDomainModel(train.texts, train.labels) });
    const adapted = await domain.classifySentiment(test.texts, test.texts.map(() => 'en'));
    const before = scoreClassification(gold, lexicon.map((r) => r.label)).accuracy;
    const after = scoreClassification(gold, adapted.map((r) => r.label)).accuracy;
    expect(before).toBeLessThan(0.6);
    expect(after).toBeGreaterThan(0.95);
    expect(domain.info.description).toBe('embedded default (FR/EN lexicon + domain model trained on 400 scored verbatims of this dataset), no transformer installed');
  });

  it('never predicts a class absent from training, and keeps unknown text neutral', async () => {
    const engine = createEmbeddedSentimentEngine({ domain: trainDomainModel(train.texts, train.labels) });
    const res = await engine.classifySentiment([...test.texts.slice(0, 50), 'qwxz blorft'], undefined);
    expect(res.slice(0, 50).every((r) => r.label !== 'neutral')).toBe(true);
    expect(res[50]?.label).toBe('neutral');
  });

  it('leans on the lexicon for short clauses, so mention sentiment survives a foreign domain model', async () => {
    const sentiment = createEmbeddedSentimentEngine({ domain: trainDomainModel(train.texts, train.labels) });
    const [r] = await classifyVerbatims(['le produit est bien mais le support est injoignable'], { sentiment, topics: createEmbeddedTopicEngine(TAXONOMY) });
    expect(Object.fromEntries((r?.mentions ?? []).map((m) => [m.themeId, m.sentiment.label]))).toEqual({ product: 'positive', support: 'negative' });
  });

  it('changes the engine revision when the training data changes', () => {
    const a = createEmbeddedSentimentEngine({ domain: trainDomainModel(train.texts, train.labels) });
    const b = createEmbeddedSentimentEngine({ domain: trainDomainModel(test.texts, test.labels) });
    const lex = createEmbeddedSentimentEngine();
    expect(new Set([a.info.revision, b.info.revision, lex.info.revision]).size).toBe(3);
  });

  it('rejects bad input with clear errors', () => {
    expect(() => trainDomainModel(['a', 'b'], ['positive'])).toThrow(DomainModelError);
    expect(() => trainDomainModel(['a', 'b'], ['positive', 'positive'])).toThrow(/two sentiment classes/);
    expect(() => trainDomainModel(['a', 'b'], ['positive', 'great' as SentimentLabel])).toThrow(/labels\[1\]/);
    expect(() => parseDomainModel({ format: 'nope' })).toThrow(/format/);
    const m = trainDomainModel(train.texts, train.labels);
    expect(() => parseDomainModel({ ...m, weights: m.weights.slice(1) })).toThrow(/weights/);
  });

  it('maps scores to labels', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => sentimentLabelFromScore(s, 'nps'))).toEqual(['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive']);
    expect([1, 2, 3, 4, 5].map((s) => sentimentLabelFromScore(s, 'rating5'))).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });
});

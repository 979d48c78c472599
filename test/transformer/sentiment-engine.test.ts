import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTransformerSentiment } from '../../src/classify/transformer/index.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import type { SentimentEngine, SentimentResult } from '../../src/classify/classifier-types.ts';
import { makeTempDir } from './tiny-models.ts';

let root: { dir: string; cleanup: () => Promise<void> };
const engines: Record<string, SentimentEngine> = {};

beforeAll(async () => {
  root = await makeTempDir();
  for (const labels of ['3-class', '5-star', 'binary', 'pos-neg', 'neg-neu-pos', 'label-3'] as const) {
    await writeTinyModel(join(root.dir, labels), 'sentiment', { labels });
    engines[labels] = await loadTransformerSentiment(join(root.dir, labels), { batchSize: 3 });
  }
}, 60_000);
afterAll(() => root.cleanup());

const TEXTS = ['Great service, merci !', 'Livraison lente, service nul et décevant', 'the parcel arrived on monday'];

describe('loadTransformerSentiment on generated models (real transformers.js + onnxruntime)', () => {
  it.each(['3-class', 'neg-neu-pos', 'label-3'])('maps a 3-class model (%s) to negative/neutral/positive', async (scheme) => {
    const out = await engines[scheme]!.classifySentiment(TEXTS);
    expect(out.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
    expect(out[0]!.polarity).toBeGreaterThan(0.8);
    expect(out[1]!.polarity).toBeLessThan(-0.5);
    expect(Math.abs(out[2]!.polarity)).toBeLessThan(0.05);
    for (const r of out) expect(r.confidence).toBeGreaterThan(0.4);
  });

  it('maps a 5-star model: 4-5 stars positive, 1-2 negative, polarity from the expected stars', async () => {
    const out = await engines['5-star']!.classifySentiment(TEXTS);
    expect(out.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
    expect(out[0]!.polarity).toBeGreaterThan(0.5);
    expect(out[1]!.polarity).toBeLessThan(-0.5);
    expect(out[0]!.polarity).toBeLessThanOrEqual(1);
  });

  it.each(['binary', 'pos-neg'])('maps a binary model (%s), neutral when undecided', async (scheme) => {
    const out = await engines[scheme]!.classifySentiment(TEXTS);
    expect(out.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
  });

  it('reports engine info with the folder name and a content revision', async () => {
    const info = engines['3-class']!.info;
    expect(info.engine).toBe('transformer');
    expect(info.model).toBe('3-class');
    expect(info.revision).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(info.description).toContain('fp32');
  });

  it('restores input order after sorting by length, for any batch size', async () => {
    const texts = [
      'great',
      'the app crashes every time and the support never answers and I am disappointed with everything',
      'ok',
      'merci, parfait',
      'terrible',
      'the delivery was late but the agent was friendly and helpful and quick, thanks a lot for the refund',
      '',
    ];
    const oneByOne: SentimentResult[] = [];
    for (const t of texts) oneByOne.push((await engines['3-class']!.classifySentiment([t]))[0]!);
    for (const batchSize of [1, 2, 4, 64]) {
      const engine = await loadTransformerSentiment(join(root.dir, '3-class'), { batchSize, concurrency: 2 });
      const batched = await engine.classifySentiment(texts);
      expect(batched.map((r) => r.label)).toEqual(oneByOne.map((r) => r.label));
      batched.forEach((r, i) => expect(r.polarity).toBeCloseTo(oneByOne[i]!.polarity, 5));
    }
    expect(oneByOne[0]!.label).toBe('positive');
    expect(oneByOne[4]!.label).toBe('negative');
  });

  it('truncates a 100 kB verbatim instead of crashing (the tiny model has only 64 positions)', async () => {
    const huge = 'great service but slow delivery '.repeat(3200);
    expect(huge.length).toBeGreaterThan(100_000);
    const out = await engines['3-class']!.classifySentiment([huge, 'terrible', huge.replace(/great/g, 'awful')]);
    expect(out).toHaveLength(3);
    expect(out[1]!.label).toBe('negative');
    expect(out[2]!.label).toBe('negative');
    for (const r of out) expect(Number.isFinite(r.polarity)).toBe(true);
  });

  it('returns an empty array for no texts', async () => {
    expect(await engines['3-class']!.classifySentiment([])).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadTransformerSentiment } from '../../src/classify/transformer/index.ts';
import { writeRandomEncoderModel, writeTinyModel } from '../support/tiny-model/index.ts';
import { makeTempDir } from './tiny-models.ts';

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await makeTempDir();
});
afterAll(() => root.cleanup());

describe('writeTinyModel', () => {
  it('writes a Hugging Face layout with id2label/label2id', async () => {
    const dir = join(root.dir, 'five');
    const info = await writeTinyModel(dir, 'sentiment', { labels: '5-star' });
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config['architectures']).toEqual(['BertForSequenceClassification']);
    expect(config['id2label']).toEqual({ '0': '1 star', '1': '2 stars', '2': '3 stars', '3': '4 stars', '4': '5 stars' });
    expect((config['label2id'] as Record<string, number>)['5 stars']).toBe(4);
    const tokenizer = JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8')) as { model: { type: string; vocab: Record<string, number> } };
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(info.vocabSize);
    expect(info.onnxBytes).toBeLessThan(100_000);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    await writeTinyModel(join(root.dir, 'a'), 'embedding', { seed: 5 });
    await writeTinyModel(join(root.dir, 'b'), 'embedding', { seed: 5 });
    await writeTinyModel(join(root.dir, 'c'), 'embedding', { seed: 6 });
    const read = (d: string) => readFile(join(root.dir, d, 'onnx', 'model.onnx'));
    expect((await read('a')).equals(await read('b'))).toBe(true);
    expect((await read('a')).equals(await read('c'))).toBe(false);
  });

  it('builds full attention layers that run with the declared shapes', async () => {
    const dir = join(root.dir, 'layers');
    await writeTinyModel(dir, 'embedding', { layers: 2, hidden: 16 });
    const session = await InferenceSession.create(join(dir, 'onnx', 'model.onnx'));
    expect([...session.inputNames].sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);
    const ids = new Tensor('int64', BigInt64Array.from([2n, 10n, 11n, 3n, 2n, 12n, 3n, 0n]), [2, 4]);
    const mask = new Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n]), [2, 4]);
    const types = new Tensor('int64', new BigInt64Array(8), [2, 4]);
    const out = await session.run({ input_ids: ids, attention_mask: mask, token_type_ids: types });
    expect(out['last_hidden_state']!.dims).toEqual([2, 4, 16]);
    const data = out['last_hidden_state']!.data as Float32Array;
    expect(data.every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe('writeRandomEncoderModel', () => {
  it('writes a real-architecture classifier (small here) that loads through the engine', async () => {
    const dir = join(root.dir, 'random');
    const { spec } = await writeRandomEncoderModel(dir, { architecture: 'minilm-l12', labels: '3-class', seed: 3 });
    expect(spec).toMatchObject({ hidden: 384, layers: 12, heads: 12, intermediate: 1536 });
    const engine = await loadTransformerSentiment(dir, { batchSize: 4 });
    const out = await engine.classifySentiment(['great', 'the parcel never arrived and nobody answers', 'ok']);
    expect(out).toHaveLength(3);
    for (const r of out) {
      expect(['negative', 'neutral', 'positive']).toContain(r.label);
      expect(r.confidence).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('writeRandomEncoderModel with int8 dense layers', () => {
  it('writes model_quantized.onnx that computes nearly the same logits as model.onnx', async () => {
    const dir = join(root.dir, 'quantized');
    await writeRandomEncoderModel(dir, { dims: { hidden: 32, layers: 2, heads: 4, intermediate: 64 }, quantized: true, seed: 9 });
    const feeds = {
      input_ids: new Tensor('int64', BigInt64Array.from([2n, 20n, 40n, 60n, 3n, 2n, 30n, 3n, 0n, 0n]), [2, 5]),
      attention_mask: new Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n, 0n]), [2, 5]),
      token_type_ids: new Tensor('int64', new BigInt64Array(10), [2, 5]),
    };
    const logits = async (file: string) => {
      const session = await InferenceSession.create(join(dir, 'onnx', file));
      return Array.from((await session.run(feeds))['logits']!.data as Float32Array);
    };
    const fp32 = await logits('model.onnx');
    const int8 = await logits('model_quantized.onnx');
    expect(fp32).toHaveLength(6);
    const scale = Math.max(...fp32.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    fp32.forEach((v, i) => expect(Math.abs(v - int8[i]!)).toBeLessThan(0.1 * scale + 1e-3));
    expect(int8).not.toEqual(fp32);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectModelDirectory, loadTransformerSentiment, loadTransformerTopics, ModelLoadError } from '../../src/classify/transformer/index.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { makeTempDir, TEST_TAXONOMY } from './tiny-models.ts';

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await makeTempDir();
});
afterAll(() => root.cleanup());

async function loadError(dir: string): Promise<ModelLoadError> {
  const err = await loadTransformerSentiment(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ModelLoadError);
  return err as ModelLoadError;
}

describe('ModelLoadError names the file at fault', () => {
  it('corrupted .onnx', async () => {
    const dir = join(root.dir, 'corrupt');
    await writeTinyModel(dir, 'sentiment');
    const onnx = join(dir, 'onnx', 'model.onnx');
    const bytes = await readFile(onnx);
    await writeFile(onnx, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const err = await loadError(dir);
    expect(err.file).toBe(onnx);
    expect(err.message).toContain(onnx);
    expect(err.message).toMatch(/corrupted/);
    // a failed first load must not poison later loads in the same process
    const good = join(root.dir, 'good-after-corrupt');
    await writeTinyModel(good, 'sentiment');
    const engine = await loadTransformerSentiment(good);
    expect((await engine.classifySentiment(['great']))[0]!.label).toBe('positive');
  });

  it('garbage .onnx', async () => {
    const dir = join(root.dir, 'garbage');
    await writeTinyModel(dir, 'sentiment');
    await writeFile(join(dir, 'onnx', 'model.onnx'), 'this is not a protobuf at all');
    expect((await loadError(dir)).file).toBe(join(dir, 'onnx', 'model.onnx'));
  });

  it('missing tokenizer.json', async () => {
    const dir = join(root.dir, 'no-tokenizer');
    await writeTinyModel(dir, 'sentiment');
    await rm(join(dir, 'tokenizer.json'));
    const err = await loadError(dir);
    expect(err.file).toBe(join(dir, 'tokenizer.json'));
    expect(err.message).toMatch(/missing tokenizer/);
  });

  it('missing tokenizer_config.json, for the topic engine too', async () => {
    const dir = join(root.dir, 'no-tokenizer-config');
    await writeTinyModel(dir, 'embedding');
    await rm(join(dir, 'tokenizer_config.json'));
    const err = await loadTransformerTopics(dir, taxonomySchema.parse(TEST_TAXONOMY)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as ModelLoadError).file).toBe(join(dir, 'tokenizer_config.json'));
  });

  it('missing or invalid config.json', async () => {
    const dir = join(root.dir, 'bad-config');
    await writeTinyModel(dir, 'sentiment');
    await writeFile(join(dir, 'config.json'), '{ not json');
    expect((await loadError(dir)).file).toBe(join(dir, 'config.json'));
    await rm(join(dir, 'config.json'));
    expect((await loadError(dir)).message).toMatch(/missing model config/);
    expect((await loadError(join(root.dir, 'does-not-exist'))).file).toBe(join(root.dir, 'does-not-exist', 'config.json'));
  });

  it('labels that cannot be mapped to sentiment', async () => {
    const dir = join(root.dir, 'emotions');
    await writeTinyModel(dir, 'sentiment', { labels: { labels: ['joy', 'anger', 'fear'], polarities: [1, -1, -1] } });
    const err = await loadError(dir);
    expect(err.file).toBe(join(dir, 'config.json'));
    expect(err.message).toContain('"joy"');
  });

  it('no onnx weights', async () => {
    const dir = join(root.dir, 'no-onnx');
    await writeTinyModel(dir, 'sentiment');
    await rm(join(dir, 'onnx'), { recursive: true });
    expect((await loadError(dir)).message).toMatch(/no ONNX weights/);
  });
});

describe('ONNX variant choice', () => {
  it('uses model.onnx (fp32) when present, else a quantized file, or the dtype asked for', async () => {
    const dir = join(root.dir, 'variants');
    await writeTinyModel(dir, 'sentiment', { onnxFile: 'model_quantized.onnx' });
    expect((await inspectModelDirectory(dir)).dtype).toBe('q8');
    const engine = await loadTransformerSentiment(dir);
    expect((await engine.classifySentiment(['great']))[0]!.label).toBe('positive');
    await writeTinyModel(dir, 'sentiment');
    expect((await inspectModelDirectory(dir)).dtype).toBe('fp32');
    expect((await inspectModelDirectory(dir, { dtype: 'q8' })).onnxFile).toBe(join(dir, 'onnx', 'model_quantized.onnx'));
    expect((await inspectModelDirectory(dir, { maxLength: 16 })).maxLength).toBe(16);
    expect((await inspectModelDirectory(dir, { maxLength: 4096 })).maxLength).toBe(64);
  });
});

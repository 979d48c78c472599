import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { ENGINE_REGISTRY, EngineConfigError, resolveEngines, modelPath } from '../../src/classify/registry.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { trainDomainModel } from '../../src/classify/embedded/index.ts';

const taxonomy = taxonomySchema.parse({
  version: '3',
  themes: [
    { id: 'price', labels: { en: 'Price', fr: 'Prix' }, keywords: { en: ['price', 'expensive'], fr: ['prix', 'cher'] } },
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['delivery', 'parcel'], fr: ['livraison', 'colis'] } },
  ],
});

describe('engine registry', () => {
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecoute-registry-'));
    await writeTinyModel(join(root, 'good-sentiment'), 'sentiment');
    await writeTinyModel(join(root, 'broken-sentiment'), 'sentiment');
    const onnxDir = join(root, 'broken-sentiment', 'onnx');
    for (const f of readdirSync(onnxDir)) writeFileSync(join(onnxDir, f), Buffer.from('this is not an onnx graph'));
  }, 60_000);

  it('is frozen', () => {
    expect(Object.isFrozen(ENGINE_REGISTRY)).toBe(true);
    expect(Object.isFrozen(ENGINE_REGISTRY.sentiment)).toBe(true);
    expect(Object.keys(ENGINE_REGISTRY)).toEqual(['sentiment', 'topics', 'language']);
  });

  it('defaults to the embedded engines, with topics only when there is a taxonomy', async () => {
    const r = await resolveEngines(classifyConfigSchema.parse({}), taxonomy, root);
    expect(r.sentiment.info.engine).toBe('embedded');
    expect(r.topics?.info.engine).toBe('embedded');
    expect(r.detectLanguage('Le colis est arrivé en retard')).toBe('fr');
    expect(r.notices).toEqual([]);
    const none = await resolveEngines(classifyConfigSchema.parse({}), undefined, root);
    expect(none.topics).toBeUndefined();
  });

  it('loads a working transformer model directory', async () => {
    const config = classifyConfigSchema.parse({ sentiment: { engine: 'transformer', model: 'good-sentiment' } });
    const r = await resolveEngines(config, taxonomy, root);
    expect(r.sentiment.info.engine).toBe('transformer');
    expect(r.notices).toEqual([]);
    const [res] = await r.sentiment.classifySentiment(['great']);
    expect(['negative', 'neutral', 'positive']).toContain(res!.label);
  });

  it('fails on a corrupted model unless fallback is embedded, and then says so', async () => {
    const failing = classifyConfigSchema.parse({ sentiment: { engine: 'transformer', model: 'broken-sentiment' } });
    const error = await resolveEngines(failing, taxonomy, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineConfigError);
    expect((error as EngineConfigError).task).toBe('sentiment');
    expect((error as Error).message).toMatch(/broken-sentiment.*could not be loaded.*fallback: embedded/);

    const lenient = classifyConfigSchema.parse({ sentiment: { engine: 'transformer', model: 'broken-sentiment', fallback: 'embedded' } });
    const r = await resolveEngines(lenient, taxonomy, root);
    expect(r.sentiment.info.engine).toBe('embedded');
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^sentiment: model "broken-sentiment" could not be loaded \(.*onnx.*\); continuing on the embedded default \(fallback: embedded\)$/);
  });

  it('falls back for a missing topic model directory too', async () => {
    const config = classifyConfigSchema.parse({ topics: { engine: 'transformer', model: 'no-such-model', fallback: 'embedded' } });
    const r = await resolveEngines(config, taxonomy, root);
    expect(r.topics?.info.engine).toBe('embedded');
    expect(r.notices[0]).toMatch(/^topics: model "no-such-model" could not be loaded/);
  });

  it('applies a given domain model to the embedded engine, never trains one itself', async () => {
    const texts: string[] = [];
    const labels: Array<'negative' | 'neutral' | 'positive'> = [];
    for (let i = 0; i < 60; i++) {
      texts.push(i % 2 === 0 ? `le colis ${i} est arrivé abîmé, remboursement demandé` : `livraison ${i} rapide, très contente`);
      labels.push(i % 2 === 0 ? 'negative' : 'positive');
    }
    const model = trainDomainModel(texts, labels);
    const r = await resolveEngines(classifyConfigSchema.parse({}), taxonomy, root, model);
    expect(r.domain).toBe(model);
    expect(r.sentiment.info.model).toBe('ecoute-embedded-lexicon+domain');
    const plain = await resolveEngines(classifyConfigSchema.parse({}), taxonomy, root);
    expect(plain.domain).toBeUndefined();
    expect(plain.sentiment.info.model).toBe('ecoute-embedded-lexicon');
    expect(plain.notices).toEqual([]);
  });

  it('keeps model directories inside the models root', () => {
    expect(modelPath('/models', 'a/b')).toBe('/models/a/b');
    expect(() => modelPath('/models', '../etc')).toThrow(EngineConfigError);
  });
});

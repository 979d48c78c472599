import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { detectModelTask, loadTransformerTopics, ModelLoadError } from '../../src/classify/transformer/index.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { makeTempDir, TEST_TAXONOMY } from './tiny-models.ts';

let root: { dir: string; cleanup: () => Promise<void> };
const taxonomy = taxonomySchema.parse(TEST_TAXONOMY);

beforeAll(async () => {
  root = await makeTempDir();
  await writeTinyModel(join(root.dir, 'emb'), 'embedding');
  await writeTinyModel(join(root.dir, 'nli'), 'nli');
  await writeTinyModel(join(root.dir, 'sent'), 'sentiment');
}, 60_000);
afterAll(() => root.cleanup());

const CLAUSES = ['the parcel arrived two weeks late', 'le prix est trop cher', 'hello world', "impossible de joindre un conseiller, j'attends"];

describe('detectModelTask', () => {
  it('reads the task from config.json', async () => {
    expect(await detectModelTask(join(root.dir, 'emb'))).toBe('embedding');
    expect(await detectModelTask(join(root.dir, 'nli'))).toBe('nli');
    expect(await detectModelTask(join(root.dir, 'sent'))).toBe('sentiment');
  });
});

describe('loadTransformerTopics', () => {
  it('matches clauses to themes by embedding similarity', async () => {
    const engine = await loadTransformerTopics(join(root.dir, 'emb'), taxonomy);
    const out = await engine.matchThemes(CLAUSES);
    expect(out.map((m) => m[0]?.themeId ?? null)).toEqual(['delivery', 'price', null, 'support']);
    expect(out[0]![0]!.score).toBeGreaterThan(0.8);
    expect(out[0]!.map((m) => m.themeId)).not.toContain('price');
    expect(engine.info.description).toContain('embedding');
  });

  it('scores several themes in one clause, best first', async () => {
    const engine = await loadTransformerTopics(join(root.dir, 'emb'), taxonomy, { threshold: 0.3 });
    const [mentions] = await engine.matchThemes(['the agent was rude and the invoice price too high']);
    expect(mentions!.map((m) => m.themeId).sort()).toEqual(['price', 'support']);
    expect(mentions![0]!.score).toBeGreaterThanOrEqual(mentions![1]!.score);
  });

  it('runs zero-shot NLI with English and French hypotheses', async () => {
    const engine = await loadTransformerTopics(join(root.dir, 'nli'), taxonomy, { batchSize: 4 });
    const out = await engine.matchThemes(CLAUSES, ['en', 'fr', 'en', 'fr']);
    expect(out.map((m) => m.map((x) => x.themeId))).toEqual([['delivery'], ['price'], [], ['support']]);
    expect(engine.info.description).toContain('NLI');
  });

  it('refuses a sentiment classifier for topics, naming config.json', async () => {
    const err = await loadTransformerTopics(join(root.dir, 'sent'), taxonomy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as ModelLoadError).file).toBe(join(root.dir, 'sent', 'config.json'));
  });
});

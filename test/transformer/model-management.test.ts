import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadTransformerSentiment } from '../../src/classify/transformer/index.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { addModel, listModels, pullModel, PullError, readManifest, verifyModels, ManifestError, modelMessages } from '../../src/models/index.ts';
import { makeTempDir } from './tiny-models.ts';

let root: { dir: string; cleanup: () => Promise<void> };
const ADDED_AT = '2025-01-31T10:00:00Z';

beforeAll(async () => {
  root = await makeTempDir();
});
afterAll(() => root.cleanup());

describe('addModel / listModels / verifyModels', () => {
  it('copies a model directory in, records hashes, lists it, and verify catches a modified file', async () => {
    const src = join(root.dir, 'downloads', 'my-sentiment');
    await writeTinyModel(src, 'sentiment', { labels: '5-star' });
    await writeFile(join(src, 'pytorch_model.bin'), 'big weights we do not need');
    const models = join(root.dir, 'models');
    const entry = await addModel(src, models, { id: 'acme/stars-sentiment', addedAt: ADDED_AT });
    expect(entry).toMatchObject({ id: 'acme/stars-sentiment', dir: 'acme--stars-sentiment', tasks: ['sentiment'], source: 'local', added_at: ADDED_AT });
    expect(entry.revision).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(entry.files.map((f) => f.path)).toEqual(['config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(entry.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.size > 0)).toBe(true);

    const manifest = await readManifest(models);
    expect(manifest.models).toHaveLength(1);

    await writeTinyModel(join(models, 'stray'), 'embedding');
    const list = await listModels(models);
    expect(list.models).toEqual([
      expect.objectContaining({ id: 'acme/stars-sentiment', present: true, files: 4, tasks: ['sentiment'], added_at: ADDED_AT }),
    ]);
    expect(list.unregistered).toEqual(['stray']);

    // the engine picks id and revision from the manifest
    const engine = await loadTransformerSentiment(join(models, 'acme--stars-sentiment'));
    expect(engine.info.model).toBe('acme/stars-sentiment');
    expect(engine.info.revision).toBe(entry.revision);

    expect(await verifyModels(models)).toMatchObject({ ok: true });
    const config = join(models, 'acme--stars-sentiment', 'config.json');
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace('"5 stars"', '"5 starz"'));
    const changed = await verifyModels(models);
    expect(changed.ok).toBe(false);
    expect(changed.models[0]!.problems).toEqual([expect.objectContaining({ file: 'acme--stars-sentiment/config.json', problem: 'changed' })]);
    await writeFile(config, `${text} `);
    expect((await verifyModels(models)).models[0]!.problems[0]!.detail).toMatch(/^size/);
    await rm(join(models, 'acme--stars-sentiment', 'onnx', 'model.onnx'));
    await writeFile(config, text);
    const missing = await verifyModels(models);
    expect(missing.models[0]!.problems).toEqual([expect.objectContaining({ file: 'acme--stars-sentiment/onnx/model.onnx', problem: 'missing' })]);
  });

  it('refuses to overwrite an existing folder unless asked, and registers in place', async () => {
    const models = join(root.dir, 'models2');
    const src = join(root.dir, 'src2');
    await writeTinyModel(src, 'nli');
    await addModel(src, models, { addedAt: ADDED_AT });
    await expect(addModel(src, models, { addedAt: ADDED_AT })).rejects.toThrow(modelMessages.targetExists(join(models, 'src2')));
    const again = await addModel(src, models, { addedAt: 'later', replace: true });
    expect(again.added_at).toBe('later');
    await writeTinyModel(join(models, 'in-place'), 'embedding');
    const inPlace = await addModel(join(models, 'in-place'), models, { addedAt: ADDED_AT });
    expect(inPlace).toMatchObject({ dir: 'in-place', tasks: ['embedding'] });
    expect((await readManifest(models)).models.map((m) => m.dir)).toEqual(['in-place', 'src2']);
  });

  it('rejects a directory that is not a model', async () => {
    const src = join(root.dir, 'not-a-model');
    await mkdir(src, { recursive: true });
    await expect(addModel(src, join(root.dir, 'models3'), { addedAt: ADDED_AT })).rejects.toThrow(/config\.json/);
  });

  it('reports every manifest problem with its path', async () => {
    const models = join(root.dir, 'models4');
    await mkdir(models, { recursive: true });
    await writeFile(join(models, 'manifest.json'), JSON.stringify({ version: 1, models: [{ id: 'x', dir: '../evil', revision: '', tasks: ['poetry'], source: 'local', files: [], added_at: 'now' }] }));
    const err = await readManifest(models).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    const message = (err as Error).message;
    expect(message).toContain('models.0.dir');
    expect(message).toContain('models.0.revision');
    expect(message).toContain('models.0.tasks.0');
    expect(message).toContain('models.0.files');
  });
});

describe('pullModel', () => {
  it('fails fast with a clear message when the hub refuses connections (offline)', async () => {
    const started = performance.now();
    const err = await pullModel('acme/model', { modelsRoot: join(root.dir, 'pulled'), addedAt: ADDED_AT, baseUrl: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(err).toBeInstanceOf(PullError);
    expect((err as Error).message).toContain('cannot reach http://127.0.0.1:9');
    expect((err as Error).message).toContain('ecoute models add');
  });

  it('gives up on a server that never answers, after the timeout', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const { port } = hanging.address() as AddressInfo;
    try {
      const started = performance.now();
      const err = await pullModel('acme/model', { modelsRoot: join(root.dir, 'pulled'), addedAt: ADDED_AT, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 }).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(2000);
      expect((err as Error).message).toMatch(/no answer .* within 300 ms/);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  describe('from a local hub', () => {
    let server: Server;
    let base = '';
    const requests: string[] = [];
    beforeAll(async () => {
      const hubFiles = join(root.dir, 'hub-files');
      await writeTinyModel(hubFiles, 'sentiment', { labels: 'pos-neg', onnxFile: 'model_quantized.onnx' });
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        const m = /^\/acme\/tiny-sst2\/resolve\/v1\/(.+)$/.exec(req.url ?? '');
        if (!m) {
          res.writeHead(404).end();
          return;
        }
        readFile(join(hubFiles, m[1]!)).then(
          (data) => res.writeHead(200, { 'x-repo-commit': 'abc123' }).end(data),
          () => res.writeHead(404).end(),
        );
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('downloads the standard files, falls back to the quantized ONNX, and registers the commit', async () => {
      const models = join(root.dir, 'pulled-ok');
      const entry = await pullModel('acme/tiny-sst2', { modelsRoot: models, addedAt: ADDED_AT, revision: 'v1', baseUrl: base });
      expect(entry).toMatchObject({ id: 'acme/tiny-sst2', dir: 'acme--tiny-sst2', revision: 'abc123', source: 'hub', tasks: ['sentiment'] });
      expect(entry.files.map((f) => f.path)).toContain('onnx/model_quantized.onnx');
      expect(requests).toContain('/acme/tiny-sst2/resolve/v1/onnx/model.onnx');
      const engine = await loadTransformerSentiment(join(models, 'acme--tiny-sst2'));
      expect((await engine.classifySentiment(['terrible']))[0]!.label).toBe('negative');
      expect((await verifyModels(models)).ok).toBe(true);
    });

    it('says when the model does not exist', async () => {
      const err = await pullModel('acme/nothing', { modelsRoot: join(root.dir, 'pulled-none'), addedAt: ADDED_AT, revision: 'v1', baseUrl: base }).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/HTTP 404: model or file not found/);
    });

    it('rejects a malformed id', async () => {
      await expect(pullModel('../../etc', { modelsRoot: root.dir, addedAt: ADDED_AT, baseUrl: base })).rejects.toThrow(modelMessages.badHubId('../../etc'));
    });
  });
});

/**
 * `ecoute models pull` against a local server that mimics the hub: the listing API
 * (/api/models/{repo}/revision/{rev}?blobs=true) and file URLs (/{repo}/resolve/{rev}/{file}) with
 * Range support. The server can cut the connection in the middle of the ONNX file, serve a
 * listing whose SHA-256 does not match, or cut every time; the test checks resume, the manifest's
 * checksums against the served bytes, and that a partial or mismatched download never becomes a model.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTransformerSentiment } from '../../src/classify/transformer/index.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { pullModel, PullError, readManifest, modelMessages } from '../../src/models/index.ts';
import { listFilesRecursive } from '../../src/models/hash-model-files.ts';
import { main } from '../../src/cli/main.ts';
import { makeTempDir } from './tiny-models.ts';

const REPO = 'acme/tiny-pull';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const ONNX = 'onnx/model.onnx';
const ADDED_AT = '2025-02-01T00:00:00Z';

type Mode = 'normal' | 'cut-once' | 'cut-always' | 'wrong-sha';

let root: { dir: string; cleanup: () => Promise<void> };
let server: Server;
let base = '';
let mode: Mode = 'normal';
let cuts = 0;
const files = new Map<string, Buffer>();
const requests: Array<{ url: string; range?: string }> = [];

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  root = await makeTempDir('ecoute-pull-');
  const hub = join(root.dir, 'hub');
  await writeTinyModel(hub, 'sentiment', { labels: '3-class' });
  for (const path of await listFilesRecursive(hub)) files.set(path, await readFile(join(hub, ...path.split('/'))));
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ url, ...(req.headers.range !== undefined ? { range: req.headers.range } : {}) });
    if (url === `/api/models/${REPO}/revision/v1?blobs=true`) {
      const siblings = [...files].map(([rfilename, bytes]) =>
        rfilename === ONNX
          ? { rfilename, size: bytes.length, lfs: { sha256: mode === 'wrong-sha' ? sha256(Buffer.from('other bytes')) : sha256(bytes), size: bytes.length } }
          : { rfilename, size: bytes.length },
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: REPO, sha: COMMIT, siblings }));
      return;
    }
    const m = new RegExp(`^/${REPO}/resolve/v1/(.+)$`).exec(url);
    const bytes = m ? files.get(m[1]!) : undefined;
    if (bytes === undefined) {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const body = bytes.subarray(start);
    const headers = { 'content-length': String(body.length), 'x-repo-commit': COMMIT, ...(range ? { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}) };
    res.writeHead(range ? 206 : 200, headers);
    const cut = m![1] === ONNX && ((mode === 'cut-once' && cuts === 0) || mode === 'cut-always');
    if (!cut) {
      res.end(body);
      return;
    }
    cuts += 1;
    // a third of the body, then the connection is closed (FIN after the bytes have left): the client has them all
    res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 3))), () => setTimeout(() => res.socket?.end(), 20));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await root.cleanup();
});

function reset(m: Mode): void {
  mode = m;
  cuts = 0;
  requests.length = 0;
}

/** No model folder, no temporary folder, no manifest entry: nothing of a failed pull remains. */
async function expectNothingInstalled(models: string): Promise<void> {
  expect(existsSync(join(models, 'acme--tiny-pull'))).toBe(false);
  expect(existsSync(models) ? readdirSync(models).filter((f) => f.includes('tiny-pull')) : []).toEqual([]);
  expect((await readManifest(models)).models).toEqual([]);
}

describe('models pull from a hub-like endpoint', () => {
  it('resumes a cut download with a Range request and records the SHA-256 of every served file', async () => {
    reset('cut-once');
    const models = join(root.dir, 'resumed');
    const notes: string[] = [];
    const entry = await pullModel(REPO, { modelsRoot: models, addedAt: ADDED_AT, revision: 'v1', baseUrl: base, log: (n) => notes.push(n) });
    expect(cuts).toBe(1);
    const onnxRequests = requests.filter((r) => r.url.endsWith(ONNX));
    expect(onnxRequests).toHaveLength(2);
    const cutAt = Math.floor(files.get(ONNX)!.length / 3);
    expect(onnxRequests[1]!.range).toBe(`bytes=${cutAt}-`);
    expect(notes.join('\n')).toContain(modelMessages.resuming(`${base}/${REPO}/resolve/v1/${ONNX}`, cutAt, files.get(ONNX)!.length));
    expect(entry.revision).toBe(COMMIT);
    const served = new Map([...files].map(([path, bytes]) => [path, { path, size: bytes.length, sha256: sha256(bytes) }]));
    expect(entry.files).toEqual(entry.files.map((f) => served.get(f.path)));
    expect(entry.files.map((f) => f.path).sort()).toEqual([...files.keys()].sort());
    const manifest = await readManifest(models);
    expect(manifest.models[0]!.files).toEqual(entry.files);
    const installed = await listFilesRecursive(join(models, 'acme--tiny-pull'));
    expect(installed.filter((f) => f.endsWith('.part'))).toEqual([]);
    const engine = await loadTransformerSentiment(join(models, 'acme--tiny-pull'));
    expect((await engine.classifySentiment(['terrible']))[0]!.label).toBe('negative');
  });

  it('refuses a file whose SHA-256 is not the listed one: clear error, exit code 1, nothing installed', async () => {
    reset('wrong-sha');
    const models = join(root.dir, 'mismatch');
    const err = await pullModel(REPO, { modelsRoot: models, addedAt: ADDED_AT, revision: 'v1', baseUrl: base }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PullError);
    const url = `${base}/${REPO}/resolve/v1/${ONNX}`;
    expect((err as Error).message).toBe(modelMessages.checksumMismatch(url, sha256(files.get(ONNX)!), sha256(Buffer.from('other bytes'))));
    await expectNothingInstalled(models);
    const errors: string[] = [];
    const code = await main(['node', 'ecoute', 'models', 'pull', REPO, '--revision', 'v1', '--root', models, '--endpoint', base], { write: () => undefined }, (t) => errors.push(t));
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('does not match the hub');
  });

  it('refuses a download that stays shorter than its Content-Length after the retries', async () => {
    reset('cut-always');
    const models = join(root.dir, 'partial');
    const err = await pullModel(REPO, { modelsRoot: models, addedAt: ADDED_AT, revision: 'v1', baseUrl: base }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PullError);
    expect((err as Error).message).toMatch(/download incomplete after 5 attempts \(\d+ of \d+ bytes\); nothing was installed/);
    expect(cuts).toBe(5);
    await expectNothingInstalled(models);
  });

  it('takes the endpoint from HF_ENDPOINT when --endpoint is not given', async () => {
    reset('normal');
    const models = join(root.dir, 'from-env');
    const before = process.env.HF_ENDPOINT;
    process.env.HF_ENDPOINT = base;
    try {
      const printed: string[] = [];
      const code = await main(['node', 'ecoute', 'models', 'pull', REPO, '--revision', 'v1', '--root', models, '--json'], { write: (t) => printed.push(t) }, () => undefined);
      expect(code).toBe(0);
      expect(JSON.parse(printed.join(''))).toMatchObject({ id: REPO, revision: COMMIT, source: 'hub' });
      expect(requests[0]!.url).toBe(`/api/models/${REPO}/revision/v1?blobs=true`);
      expect(existsSync(join(models, 'acme--tiny-pull', ONNX))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.HF_ENDPOINT;
      else process.env.HF_ENDPOINT = before;
    }
  });
});

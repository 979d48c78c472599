/**
 * `ecoute models pull <hub-id> [--revision R]`: downloads the standard files of an ONNX model
 * from the Hugging Face hub (<base>/<id>/resolve/<revision>/<file>) into the models root and
 * records it in models/manifest.json. Offline, it fails fast: every request has a timeout that
 * also covers DNS and connect (default 8 s, reset on each received chunk), and a refused
 * connection fails at once, with a message that says what to do instead.
 *
 * @example
 *   await pullModel('Xenova/distilbert-base-uncased-finetuned-sst-2-english', {
 *     modelsRoot: 'models', addedAt: '2025-01-31T10:00:00Z' });
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { modelDirName, type ManifestModel } from './manifest-schema.ts';
import { modelMessages } from './model-messages.ts';
import { registerModelDir } from './register-model.ts';
import { pathExists } from '../util/path-exists.ts';

export interface PullOptions {
  readonly modelsRoot: string;
  /** when the model was added, supplied by the caller */
  readonly addedAt: string;
  /** branch, tag or commit, default 'main' */
  readonly revision?: string;
  /** hub address, default https://huggingface.co (tests pass a local server) */
  readonly baseUrl?: string;
  /** per-request idle timeout in ms, default 8000 */
  readonly timeoutMs?: number;
  /** ONNX files to try, first found wins; default onnx/model.onnx then onnx/model_quantized.onnx */
  readonly onnxFiles?: readonly string[];
  readonly replace?: boolean;
  readonly fetch?: typeof fetch;
}

export class PullError extends Error {
  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PullError';
  }
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL = ['special_tokens_map.json', 'vocab.txt', 'sentencepiece.bpe.model'];
const DEFAULT_ONNX = ['onnx/model.onnx', 'onnx/model_quantized.onnx'];
const HUB_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

export async function pullModel(hubId: string, opts: PullOptions): Promise<ManifestModel> {
  if (!HUB_ID.test(hubId)) throw new PullError(hubId, modelMessages.badHubId(hubId));
  const base = (opts.baseUrl ?? 'https://huggingface.co').replace(/\/+$/, '');
  const revision = opts.revision ?? 'main';
  const get = (file: string): Promise<Response | undefined> =>
    fetchFile(`${base}/${hubId}/resolve/${encodeURIComponent(revision)}/${file}`, base, opts);
  const target = join(resolve(opts.modelsRoot), modelDirName(hubId));
  const tmp = `${target}.pulling.tmp`;
  if (opts.replace !== true && (await pathExists(target))) throw new PullError(target, modelMessages.targetExists(target));
  await rm(tmp, { recursive: true, force: true });
  try {
    let commit: string | undefined;
    for (const file of REQUIRED) {
      const res = await get(file);
      if (res === undefined) throw new PullError(file, modelMessages.httpError(`${base}/${hubId}/resolve/${revision}/${file}`, 404));
      commit ??= res.headers.get('x-repo-commit') ?? undefined;
      await save(res, join(tmp, file), opts.timeoutMs);
    }
    for (const file of OPTIONAL) {
      const res = await get(file);
      if (res !== undefined) await save(res, join(tmp, file), opts.timeoutMs);
    }
    const onnxFiles = opts.onnxFiles ?? DEFAULT_ONNX;
    let found = false;
    for (const file of onnxFiles) {
      const res = await get(file);
      if (res === undefined) continue;
      await save(res, join(tmp, ...file.split('/')), opts.timeoutMs);
      found = true;
      break;
    }
    if (!found) throw new PullError(hubId, modelMessages.noOnnx(hubId, onnxFiles));
    await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
    return registerModelDir(opts.modelsRoot, target, { id: hubId, revision: commit ?? revision, source: 'hub', addedAt: opts.addedAt });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** GET with an abortable timeout; undefined on 404; PullError when offline or on other HTTP errors */
async function fetchFile(url: string, base: string, opts: PullOptions): Promise<Response | undefined> {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, { signal: controller.signal, redirect: 'follow' });
  } catch (err) {
    if (controller.signal.aborted) throw new PullError(url, modelMessages.timeout(url, timeoutMs), { cause: err });
    throw new PullError(url, modelMessages.offline(base, causeText(err)), { cause: err });
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new PullError(url, modelMessages.httpError(url, res.status));
  }
  return res;
}

/** stream a response body to a file, aborting when no chunk arrives for timeoutMs */
async function save(res: Response, file: string, timeoutMs = 8000): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  if (reader) {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PullError(res.url, modelMessages.timeout(res.url, timeoutMs))), timeoutMs);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), idle]);
        if (done) break;
        chunks.push(value);
      } catch (err) {
        await reader.cancel().catch(() => undefined);
        throw err;
      } finally {
        clearTimeout(timer);
      }
    }
  }
  await writeFile(file, Buffer.concat(chunks));
}

function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

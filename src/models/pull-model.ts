/**
 * `ecoute models pull <hub-id> [--revision R] [--endpoint URL]`: downloads the standard files of an
 * ONNX model from the Hugging Face hub or a mirror (<endpoint>/<id>/resolve/<revision>/<file>; the
 * endpoint defaults to $HF_ENDPOINT, then https://huggingface.co) into the models root and records it
 * in models/manifest.json with the SHA-256 of every file. The hub's listing
 * (<endpoint>/api/models/<id>/revision/<rev>?blobs=true) gives each file's size and, for LFS files,
 * SHA-256: a cut connection is resumed with a Range request, and a file that stays short or has
 * another checksum fails the pull — the model folder only appears once every file is complete. Offline, it fails fast: every request has a timeout that
 * also covers DNS and connect (default 8 s, reset on each received chunk), and a refused
 * connection fails at once, with a message that says what to do instead.
 *
 * @example
 *   await pullModel('Xenova/distilbert-base-uncased-finetuned-sst-2-english', {
 *     modelsRoot: 'models', addedAt: '2025-01-31T10:00:00Z' });
 */
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { modelDirName, type ManifestModel } from './manifest-schema.ts';
import { modelMessages } from './model-messages.ts';
import { registerModelDir } from './register-model.ts';
import { pathExists } from '../util/path-exists.ts';
import { downloadFile } from './download-file.ts';
import { parseHubListing, type HubListing } from './hub-listing.ts';
import { PullError } from './pull-error.ts';

export { PullError };

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
  /** progress notes (a cut connection being resumed) */
  readonly log?: (message: string) => void;
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL = ['special_tokens_map.json', 'vocab.txt', 'sentencepiece.bpe.model'];
const DEFAULT_ONNX = ['onnx/model.onnx', 'onnx/model_quantized.onnx'];
const HUB_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

export async function pullModel(hubId: string, opts: PullOptions): Promise<ManifestModel> {
  if (!HUB_ID.test(hubId)) throw new PullError(hubId, modelMessages.badHubId(hubId));
  const base = (opts.baseUrl ?? 'https://huggingface.co').replace(/\/+$/, '');
  const revision = opts.revision ?? 'main';
  const timeoutMs = opts.timeoutMs ?? 8000;
  const get = (url: string, headers: Record<string, string> = {}) => fetchFile(url, base, opts, headers);
  const fileUrl = (file: string) => `${base}/${hubId}/resolve/${encodeURIComponent(revision)}/${file}`;
  const target = join(resolve(opts.modelsRoot), modelDirName(hubId));
  const tmp = `${target}.pulling.tmp`;
  if (opts.replace !== true && (await pathExists(target))) throw new PullError(target, modelMessages.targetExists(target));
  await rm(tmp, { recursive: true, force: true });
  try {
    const listing = await readListing(`${base}/api/models/${hubId}/revision/${encodeURIComponent(revision)}?blobs=true`, get);
    const listed = (file: string) => listing?.files.get(file) ?? {};
    const inListing = (file: string) => listing === undefined || listing.files.has(file);
    let commit = listing?.commit;
    const download = async (file: string): Promise<boolean> => {
      if (!inListing(file)) return false;
      return downloadFile(fileUrl(file), join(tmp, ...file.split('/')), listed(file), {
        timeoutMs,
        get: async (url, headers) => {
          const res = await get(url, headers);
          commit ??= res?.headers.get('x-repo-commit') ?? undefined;
          return res;
        },
        ...(opts.log !== undefined ? { log: opts.log } : {}),
      });
    };
    for (const file of REQUIRED) {
      if (!(await download(file))) throw new PullError(file, modelMessages.httpError(fileUrl(file), 404));
    }
    for (const file of OPTIONAL) await download(file);
    const onnxFiles = opts.onnxFiles ?? DEFAULT_ONNX;
    let found = false;
    for (const file of onnxFiles) {
      if (await download(file)) {
        found = true;
        break;
      }
    }
    if (!found) throw new PullError(hubId, modelMessages.noOnnx(hubId, onnxFiles));
    await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
    return registerModelDir(opts.modelsRoot, target, { id: hubId, revision: commit ?? revision, source: 'hub', addedAt: opts.addedAt });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The hub's listing of the revision, or undefined when the endpoint has no listing API (404). */
async function readListing(url: string, get: (url: string) => Promise<Response | undefined>): Promise<HubListing | undefined> {
  const res = await get(url);
  if (res === undefined) return undefined;
  let json: unknown;
  try {
    json = await res.json();
  } catch (error) {
    throw new PullError(url, modelMessages.badListing(url, causeText(error)));
  }
  const listing = parseHubListing(json);
  if ('problem' in listing) throw new PullError(url, modelMessages.badListing(url, listing.problem));
  return listing;
}

/** GET with an abortable timeout; undefined on 404; PullError when offline or on other HTTP errors */
async function fetchFile(url: string, base: string, opts: PullOptions, headers: Record<string, string>): Promise<Response | undefined> {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, { signal: controller.signal, redirect: 'follow', headers });
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

function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

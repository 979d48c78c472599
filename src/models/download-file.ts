/**
 * One file of a model download, resumable and checked: the body streams to `<file>.part`; when the
 * connection is cut, the download resumes with `Range: bytes=<have>-` (a server that ignores ranges
 * and answers 200 restarts it from zero); the file becomes `<file>` only when its size is the one
 * announced (Content-Length / Content-Range, and the hub's listing) and its SHA-256 is the listed one.
 * A file still short after the retries, or with another checksum, is deleted and the pull fails.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ExpectedFile } from './hub-listing.ts';
import { modelMessages } from './model-messages.ts';
import { PullError } from './pull-error.ts';
import { sha256File } from './hash-model-files.ts';

export interface DownloadOptions {
  /** per-read idle timeout in ms */
  readonly timeoutMs: number;
  /** attempts after a cut connection (default 4) */
  readonly retries?: number;
  /** GET with headers; undefined on 404 */
  readonly get: (url: string, headers: Record<string, string>) => Promise<Response | undefined>;
  readonly log?: (message: string) => void;
}

const sizeOf = async (file: string): Promise<number> => (await stat(file).catch(() => undefined))?.size ?? 0;

/** The total size a response announces: Content-Range's total for a 206, Content-Length for a 200. */
function announcedTotal(res: Response): number | undefined {
  if (res.status === 206) {
    const m = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
    return m ? Number(m[1]) : undefined;
  }
  const length = res.headers.get('content-length');
  return length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
}

/** Streams the body into `part` (appending or from zero); rejects when the connection is cut or stalls. */
async function streamBody(res: Response, part: string, append: boolean, timeoutMs: number): Promise<void> {
  const handle = await open(part, append ? 'a' : 'w');
  const reader = res.body?.getReader();
  try {
    if (reader === undefined) return;
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PullError(res.url, modelMessages.timeout(res.url, timeoutMs))), timeoutMs);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), idle]);
        if (done) return;
        await handle.write(value);
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Downloads `url` to `file`; false when the server has no such file (404). */
export async function downloadFile(url: string, file: string, expected: ExpectedFile, opts: DownloadOptions): Promise<boolean> {
  await mkdir(dirname(file), { recursive: true });
  const part = `${file}.part`;
  await rm(part, { force: true });
  const retries = opts.retries ?? 4;
  let total = expected.size;
  for (let attempt = 0; ; attempt++) {
    const have = await sizeOf(part);
    const res = await opts.get(url, have > 0 ? { range: `bytes=${have}-` } : {});
    if (res === undefined) {
      await rm(part, { force: true });
      return false;
    }
    const resumed = res.status === 206 && new RegExp(`^bytes ${have}-`).test(res.headers.get('content-range') ?? '');
    const announced = announcedTotal(res);
    if (announced !== undefined) {
      if (total !== undefined && announced !== total) {
        await res.body?.cancel();
        await rm(part, { force: true });
        throw new PullError(url, modelMessages.sizeMismatch(url, announced, total));
      }
      total = announced;
    }
    let cut: unknown;
    await streamBody(res, part, resumed, opts.timeoutMs).catch((e: unknown) => {
      if (e instanceof PullError) throw e;
      cut = e;
    });
    const now = await sizeOf(part);
    if (cut === undefined && (total === undefined || now >= total)) break;
    if (attempt >= retries) {
      await rm(part, { force: true });
      throw new PullError(url, modelMessages.partial(url, now, total, retries + 1));
    }
    opts.log?.(modelMessages.resuming(url, now, total));
  }
  const size = await sizeOf(part);
  if (total !== undefined && size !== total) {
    await rm(part, { force: true });
    throw new PullError(url, modelMessages.partial(url, size, total, retries + 1));
  }
  if (expected.sha256 !== undefined) {
    const got = await sha256File(part);
    if (got !== expected.sha256) {
      await rm(part, { force: true });
      throw new PullError(url, modelMessages.checksumMismatch(url, got, expected.sha256));
    }
  }
  await rename(part, file);
  return true;
}

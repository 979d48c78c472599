/**
 * publishRun — the frame of every run: lock the output folder, build the night in a fresh staging
 * folder, freeze and publish it in one step, log the run in history.jsonl.
 *
 *   check folder ─► lock ─► staging/<run-id>/ ─► build(night) ─► freeze (manifest, read-only)
 *                                                     │              ─► publish (switch `current`)
 *                                                     └ throws ─► failed/<run-id>/ kept, nothing published
 *   every outcome ─► history.jsonl
 *
 * The staging folder is new, so the run never opens a database beside someone else's write-ahead log.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EcouteError } from '../run/errors.ts';
import { ecouteVersion } from '../run/versions.ts';
import { acquireRunLock } from './run-lock.ts';
import { checkOutputFolder, markOutputFolder } from './claim-output-folder.ts';
import { freezeNight } from './freeze-night.ts';
import { keepNewest, publishNight } from './publish-night.ts';
import { outputLayout, publishedNightDir } from './output-layout.ts';
import { appendHistory, readHistory, type HistoryEntry } from './run-history.ts';

export interface PublishOptions {
  /** the output folder (absolute) */
  readonly root: string;
  readonly pipelineFile: string;
  readonly pipelineName: string;
  readonly asOf: string;
  /** published nights kept (output.keep_runs) */
  readonly keepRuns: number;
  /** failed runs kept for inspection (output.keep_failed) */
  readonly keepFailed: number;
  readonly wait?: boolean;
  readonly log?: (message: string) => void;
}

/** What the build tells the run log as it goes: whatever it reached before a failure is logged. */
export interface RunFacts {
  sources: HistoryEntry['sources'];
  versions: Record<string, string>;
  engines: string[];
  gates: unknown;
}

export interface NightContext {
  /** the staging folder: every file of the night is written here */
  readonly dir: string;
  readonly runId: string;
  /** the night published before this run (its real folder), if any */
  readonly previousNight: string | undefined;
  /** the output folder (its root: erasure list, run log) */
  readonly root: string;
  /** where a failed run's staging folder is kept, as failed/<run-id> (output.keep_failed) */
  readonly failedDir: string;
  /** the run log before this run, oldest first */
  readonly history: readonly HistoryEntry[];
  readonly facts: RunFacts;
}

export interface Published<T> {
  readonly result: T;
  readonly runId: string;
  /** runs/<run-id>: the published night */
  readonly nightDir: string;
}

/** Work folders a night does not keep (intermediate copies of the sources). */
const SCRATCH = ['.work'];

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export async function publishRun<T>(opts: PublishOptions, build: (night: NightContext) => Promise<T>): Promise<Published<T>> {
  const layout = outputLayout(resolve(opts.root));
  const started = new Date();
  const runId = `${opts.asOf}-${compactTime(started)}-${randomBytes(3).toString('hex')}`;
  const pipelineSha256 = createHash('sha256').update(readFileSync(opts.pipelineFile)).digest('hex');
  checkOutputFolder(layout);
  mkdirSync(layout.root, { recursive: true });
  const lock = await acquireRunLock(layout.lock, { runId, startedAt: started.toISOString(), ...(opts.wait !== undefined ? { wait: opts.wait } : {}), ...(opts.log ? { log: opts.log } : {}) });
  const facts: RunFacts = { sources: [], versions: { ecoute: ecouteVersion(), node: process.versions.node }, engines: [], gates: null };
  const entry = (status: HistoryEntry['status'], exitCode: number, error: string | null, folder: string | null): HistoryEntry => ({
    runId, pipeline: opts.pipelineName, pipelineFile: resolve(opts.pipelineFile), pipelineSha256, asOf: opts.asOf,
    startedAt: started.toISOString(), endedAt: new Date().toISOString(), status, exitCode, error,
    sources: facts.sources, gates: facts.gates ?? null, versions: facts.versions, engines: facts.engines, folder,
  });
  const stagingDir = join(layout.staging, runId);
  try {
    markOutputFolder(layout, ecouteVersion());
    // we hold the lock: whatever is in staging/ was left by a killed run
    if (existsSync(layout.staging)) for (const n of readdirSync(layout.staging)) rmSync(join(layout.staging, n), { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true });
    const night: NightContext = { dir: stagingDir, root: layout.root, runId, previousNight: publishedNightDir(layout.root), failedDir: layout.failed, history: readHistory(layout.history).entries, facts };
    let result: T;
    try {
      result = await build(night);
      for (const s of SCRATCH) rmSync(join(stagingDir, s), { recursive: true, force: true });
      await freezeNight(stagingDir, { runId, asOf: opts.asOf });
      opts.log?.(`publishing runs/${runId}`);
      const nightDir = publishNight(layout, stagingDir);
      opts.log?.(`published runs/${runId} as ${layout.current}`);
      try {
        keepNewest(layout.runs, opts.keepRuns, runId);
      } catch (e) {
        opts.log?.(`could not remove old nights: ${(e as Error).message}`); // published all the same
      }
      appendHistory(layout.history, entry('published', 0, null, `runs/${runId}`));
      return { result, runId, nightDir };
    } catch (e) {
      const exitCode = e instanceof EcouteError ? e.exitCode : 1;
      let folder: string | null = null;
      if (existsSync(stagingDir) && e instanceof EcouteError && e.discardRun) {
        rmSync(stagingDir, { recursive: true, force: true });
      } else if (existsSync(stagingDir)) {
        for (const s of SCRATCH) rmSync(join(stagingDir, s), { recursive: true, force: true });
        mkdirSync(layout.failed, { recursive: true });
        renameSync(stagingDir, join(layout.failed, runId));
        keepNewest(layout.failed, opts.keepFailed, runId);
        folder = `failed/${runId}`;
      }
      appendHistory(layout.history, entry(exitCode === 3 ? 'gated' : 'failed', exitCode, (e as Error).message ?? String(e), folder));
      throw e;
    }
  } finally {
    lock.release();
  }
}

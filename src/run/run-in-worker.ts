/**
 * `ecoute run` under settings.memory_limit: the pipeline runs in a worker thread whose JavaScript heap is capped
 * (jsHeapLimitMb: half the limit, at least 256 MiB), beside DuckDB's 70 % share, so the limit bounds the process
 * and not only DuckDB. V8's default heap limit is a quarter of RAM: uncapped, the heap grows with garbage it has no
 * reason to collect (250 MB of it at the peak of the 2,000,000-response benchmark). Without a memory_limit the
 * pipeline runs in the calling thread, as before.
 *
 * A heap that outgrows its cap stops the run with an error naming the setting (the worker is terminated by V8;
 * the output folder keeps its last published night, as after any failed run). Log lines, progress bar frames
 * (drawn by the caller on its terminal), the result and the error come back as messages; an error is revived with its class's exit code and fields (relay-error.ts).
 * A kill of the process ends the worker with it (one process).
 *
 * **Example:**
 * ```ts
 * const result = await runPipelineBounded({ pipelineFile: 'pipelines/demo.yaml', asOf: '2026-11-01', log: console.error });
 * ```
 */
import { Worker } from 'node:worker_threads';
import { DUCKDB_MEMORY_SHARE, JS_HEAP_MIN_MB, JS_HEAP_SHARE, jsHeapLimitMb } from '../db/memory-budget.ts';
import { loadPipeline } from '../config/load-pipeline.ts';
import { EcouteError } from './errors.ts';
import { reviveError, type RelayedError } from './relay-error.ts';
import { progressQuiet, runPipeline, type RunOptions, type RunResult } from './run-pipeline.ts';
import { defaultProgressOutput } from '../classify/pipeline/progress-bar.ts';

/**
 * What the worker gets: the options without their functions, which of the log functions exist, and whether
 * to draw the progress bar (the caller's stream is a terminal; the worker's own stderr never is).
 */
export interface WorkerRunData {
  readonly options: Omit<RunOptions, 'log' | 'detail' | 'progressOutput'>;
  readonly log: boolean;
  readonly detail: boolean;
  readonly progress: boolean;
}

export type WorkerMessage =
  | { readonly kind: 'log'; readonly text: string }
  | { readonly kind: 'detail'; readonly text: string }
  | { readonly kind: 'progress'; readonly text: string }
  | { readonly kind: 'result'; readonly result: RunResult }
  | { readonly kind: 'error'; readonly error: RelayedError };

/**
 * The worker's module beside this one: the compiled .js, or from the sources (tests and `npx tsx`) the .ts file
 * loaded through tsx's loader, which a worker thread does not inherit from the main thread's `--import tsx`.
 */
function startWorker(data: WorkerRunData, heapMb: number): Worker {
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./run-worker.js', import.meta.url), options);
  const source = new URL('./run-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { ...options, eval: true });
}

export function heapExceededMessage(memoryLimit: string, heapMb: number): string {
  const share = (f: number): string => `${Math.round(f * 100)} %`;
  return `the run's JavaScript heap needed more than its ${heapMb} MiB (${share(JS_HEAP_SHARE)} of settings.memory_limit ${memoryLimit}, at least ${JS_HEAP_MIN_MB} MiB; DuckDB has ${share(DUCKDB_MEMORY_SHARE)}): ` +
    'raise settings.memory_limit; the last published night is untouched';
}

export async function runPipelineBounded(opts: RunOptions): Promise<RunResult> {
  const memoryLimit = loadPipeline(opts.pipelineFile).pipeline.settings.memory_limit;
  if (memoryLimit === undefined) return runPipeline(opts);
  return runInWorker(opts, memoryLimit, jsHeapLimitMb(memoryLimit));
}

export function runInWorker(opts: RunOptions, memoryLimit: string, heapMb: number): Promise<RunResult> {
  const { log, detail, progressOutput, ...options } = opts;
  const progress = progressOutput ?? defaultProgressOutput();
  const data: WorkerRunData = { options, log: log !== undefined, detail: detail !== undefined, progress: !progressQuiet(opts) && progress.isTTY };
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void): void => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    const worker = startWorker(data, heapMb);
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'log') return log?.(m.text);
      if (m.kind === 'detail') return detail?.(m.text);
      if (m.kind === 'progress') return progress.write(m.text);
      if (m.kind === 'result') settle(() => resolve(m.result));
      else settle(() => reject(reviveError(m.error)));
      void worker.terminate(); // its work is done: nothing it left behind (a timer, a handle) keeps the CLI alive
    });
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new EcouteError(heapExceededMessage(memoryLimit, heapMb)) : e)),
    );
    worker.on('exit', (code) => settle(() => reject(new EcouteError(`the run's worker thread stopped (exit ${code}) before it finished`))));
  });
}

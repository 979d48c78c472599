/**
 * The worker thread of `ecoute run` under settings.memory_limit (src/run/run-in-worker.ts starts it): runs the
 * pipeline with the options it was given and posts its log lines and progress bar frames, then its result or its
 * error, to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline } from './run-pipeline.ts';
import { relayError } from './relay-error.ts';
import type { WorkerMessage, WorkerRunData } from './run-in-worker.ts';

const data = workerData as WorkerRunData;
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

try {
  const result = await runPipeline({
    ...data.options,
    ...(data.log ? { log: (text: string) => post({ kind: 'log', text }) } : {}),
    ...(data.detail ? { detail: (text: string) => post({ kind: 'detail', text }) } : {}),
    ...(data.progress ? { progressOutput: { isTTY: true, write: (text: string) => post({ kind: 'progress', text }) } } : {}),
  });
  post({ kind: 'result', result });
} catch (e) {
  post({ kind: 'error', error: relayError(e) });
}

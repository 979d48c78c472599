/**
 * `ecoute worker`: starts a classification worker and keeps it running until SIGINT or SIGTERM
 * (it then finishes its current chunks and leaves), or until Redis goes away (exit code 1, so a
 * supervisor restarts it).
 */
import { startClassifyWorker } from './classify-worker.ts';
import { EcouteError } from '../../run/errors.ts';

export interface WorkerCommandOptions {
  readonly redis: string;
  readonly concurrency: number;
  readonly modelsRoot: string;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  readonly log: (message: string) => void;
}

export async function workerCommand(opts: WorkerCommandOptions): Promise<{ stopped: 'signal' | 'connection-lost' }> {
  let worker;
  try {
    worker = await startClassifyWorker(opts);
  } catch (error) {
    throw new EcouteError(error instanceof Error ? error.message : String(error));
  }
  let signalled = false;
  const stop = () => {
    signalled = true;
    opts.log('stopping: finishing the current chunks');
    void worker.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await worker.closed;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (!signalled) throw new EcouteError('worker stopped: the connection to Redis was lost');
  return { stopped: 'signal' };
}

/**
 * `ecoute run` under settings.memory_limit runs the pipeline in a worker thread with a capped JavaScript heap
 * (src/run/run-in-worker.ts). The worker's run must be the same run: same outputs, same errors (class, exit code,
 * --json code, file), its log lines relayed; a heap that outgrows its cap is a clear error naming the setting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsHeapLimitMb } from '../../src/db/memory-budget.ts';
import { ConfigError, EcouteError, GateError, RunLockedError, SourceFileError } from '../../src/run/errors.ts';
import { relayError, reviveError } from '../../src/run/relay-error.ts';
import { runInWorker, runPipelineBounded } from '../../src/run/run-in-worker.ts';
import { AS_OF, createFixture, reconciliation, responsesCsv, type Fixture } from '../ingest/helpers.ts';

/** structured cloning, as postMessage does it */
const roundTrip = (e: unknown): Error => reviveError(structuredClone(relayError(e)));

describe('errors relayed from the worker thread', () => {
  it('keep their message, exit code, --json code and file', () => {
    const gate = roundTrip(new GateError(['responses: 0 rows accepted (minimum 1)'], '/out/failed/x'));
    expect(gate).toBeInstanceOf(EcouteError);
    expect(gate.message).toMatch(/quality gate failed.*\n {2}responses: 0 rows accepted/);
    expect((gate as EcouteError).exitCode).toBe(3);
    expect((gate as EcouteError).code).toBe('gate_failed');

    const file = roundTrip(new SourceFileError('responses', '/data/r.csv', 'binary file', 3)) as EcouteError & { file?: string };
    expect([file.exitCode, file.code, file.discardRun, file.file]).toEqual([3, 'source_unreadable', true, '/data/r.csv']);

    const lock = roundTrip(new RunLockedError('/out/.ecoute-lock', undefined)) as EcouteError & { lockFile?: string };
    expect([lock.exitCode, lock.code, lock.lockFile]).toEqual([1, 'run_locked', '/out/.ecoute-lock']);
  });

  it('a pipeline file error comes back as a ConfigError with every problem', () => {
    const problems = [{ path: 'sources.responses.file', message: 'Required', line: 4, column: 5 }];
    const config = roundTrip(new ConfigError('/p.yaml', problems));
    expect(config).toBeInstanceOf(ConfigError);
    expect((config as ConfigError).problems).toEqual(problems);
    expect(config.message).toBe(new ConfigError('/p.yaml', problems).message);
  });

  it('any other error stays a plain error with its message and stack', () => {
    const plain = new TypeError('x is undefined');
    const back = roundTrip(plain);
    expect(back).not.toBeInstanceOf(EcouteError);
    expect([back.name, back.message, back.stack]).toEqual(['TypeError', 'x is undefined', plain.stack]);
    expect(roundTrip('a string').message).toBe('a string');
  });
});

describe('a run under settings.memory_limit', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = createFixture();
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'bien'], ['r2', 'c2', 'a1', '2024-05-02', '11', ''], ['r3', 'c3', 'a2', '2024-05-03', '3', 'trop cher']]));
  });
  afterEach(() => fx.cleanup());

  it('caps the JavaScript heap at half the limit, at least 256 MiB', () => {
    expect(jsHeapLimitMb('512MB')).toBe(256);
    expect(jsHeapLimitMb('200MB')).toBe(256);
    expect(jsHeapLimitMb('4GB')).toBe(1907);
    expect(jsHeapLimitMb('2GiB')).toBe(1024);
  });

  it('runs in the worker and writes what the same run writes in the calling thread', async () => {
    fx.pipeline({ settings: { memory_limit: '400MB' } });
    const inThread = await fx.run('in-thread');
    const lines: string[] = [];
    const bounded = await runPipelineBounded({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'worker'), asOf: AS_OF, log: (m) => lines.push(m) });
    expect(await reconciliation(bounded)).toEqual([3, 2, 1]);
    expect(bounded.summary).toEqual(inThread.summary);
    expect(lines.length).toBeGreaterThan(3); // the worker's phase lines reach the caller
    const files = (r: typeof bounded): string[] => readdirSync(r.outDir, { recursive: true }).map(String).filter((f) => !f.includes('run-timings') && !f.startsWith('runs') && !f.startsWith('current')).sort();
    expect(files(bounded)).toEqual(files(inThread));
    for (const f of ['run-summary.json', 'tables/quarantine.csv']) {
      expect(readFileSync(join(bounded.outDir, f), 'utf8'), f).toBe(readFileSync(join(inThread.outDir, f), 'utf8'));
    }
  }, 120_000);

  it("draws the classification progress bar on the caller's terminal, and none on a pipe", async () => {
    fx.pipeline({ settings: { memory_limit: '400MB' } });
    const frames: string[] = [];
    const tty = { isTTY: true, write: (t: string) => void frames.push(t) };
    await runPipelineBounded({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'tty'), asOf: AS_OF, log: () => undefined, progressOutput: tty });
    expect(frames.join('')).toMatch(/\rclassify \[#{20}\] 100% 2\/2 .*\n$/); // the two distinct texts, then the line ends
    const piped: string[] = [];
    await runPipelineBounded({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'pipe'), asOf: AS_OF, log: () => undefined, progressOutput: { isTTY: false, write: (t) => void piped.push(t) } });
    expect(piped).toEqual([]);
  }, 120_000);

  it('a failed gate in the worker is the same GateError (exit code 3)', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', 'not a date', '9', 'bien']]));
    fx.pipeline({ settings: { memory_limit: '400MB', gates: {} } });
    const error = await runPipelineBounded({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'gated'), asOf: AS_OF }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcouteError);
    expect([(error as EcouteError).exitCode, (error as EcouteError).code]).toEqual([3, 'gate_failed']);
    expect((error as Error).message).toMatch(/responses/);
  }, 120_000);

  it('a heap that outgrows its cap stops the run with an error naming the setting', async () => {
    fx.pipeline({ settings: { memory_limit: '400MB' } });
    const error = await runInWorker({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'tiny'), asOf: AS_OF }, '400MB', 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcouteError);
    expect((error as Error).message).toMatch(/JavaScript heap needed more than its 4 MiB .*raise settings\.memory_limit/);
  }, 120_000);
});

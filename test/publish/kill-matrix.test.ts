/**
 * Issue 12, finding 3: kill -9 at each phase. A child process runs the next night on a copy of a
 * published folder and SIGKILLs itself at a phase (at its start, or some time into it); what readers
 * see through the documented paths is then compared byte for byte with the old night (must be
 * intact) or the new night of an uninterrupted run (must be complete): never a mix. The next run
 * on the killed folder (stale lock, abandoned staging folder) must publish the complete new night
 * (checked after the kills that leave the most behind: output writing, charts, publishing).
 * Prints the matrix phase × outcome.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { appendMonth, CHILDREN, countIn, createDemoSetup, differingFiles, readerView, runChild, RUN_FACT_FILES, type DemoSetup } from './publish-helpers.ts';

const NIGHT_A = '2026-10-01';
const NIGHT_B = '2026-11-01';

interface Case {
  readonly phase: string;
  readonly pattern: string;
  readonly delayMs: number;
  readonly expected: 'old night intact' | 'new night complete';
  /** also run the next night on the killed folder (costly: done where a run leaves most behind) */
  readonly rerun?: boolean;
}

const CASES: readonly Case[] = [
  { phase: 'ingest (start)', pattern: '^loading sources', delayMs: 0, expected: 'old night intact' },
  { phase: 'validation (done)', pattern: ': read \\d+ = accepted', delayMs: 0, expected: 'old night intact' },
  { phase: 'metrics', pattern: '^computing metrics', delayMs: 0, expected: 'old night intact' },
  { phase: 'classification', pattern: '^classifying verbatims', delayMs: 300, expected: 'old night intact' },
  { phase: 'drivers', pattern: '^computing driver analyses', delayMs: 0, expected: 'old night intact' },
  { phase: 'output writing (0.3 s in)', pattern: '^writing outputs', delayMs: 300, expected: 'old night intact', rerun: true },
  { phase: 'charts and reports (1 s in)', pattern: '^writing charts', delayMs: 1000, expected: 'old night intact', rerun: true },
  { phase: 'publishing (before the switch)', pattern: '^publishing', delayMs: 0, expected: 'old night intact', rerun: true },
  { phase: 'published (after the switch)', pattern: '^published', delayMs: 0, expected: 'new night complete' },
];

let root: string;
let setup: DemoSetup;
let base: string;
let viewA: Map<string, Buffer>;
let viewB: Map<string, Buffer>;
let responsesB: number;
const matrix: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ecoute-kill-'));
  setup = await createDemoSetup(join(root, 'demo'), { months: 23, domainAdaptation: false });
  base = join(root, 'base');
  await runPipeline({ pipelineFile: setup.pipelineFile, outDir: base, asOf: NIGHT_A });
  viewA = readerView(base);
  appendMonth(setup);
  const ref = join(root, 'ref');
  cpSync(base, ref, { recursive: true, verbatimSymlinks: true });
  await runPipeline({ pipelineFile: setup.pipelineFile, outDir: ref, asOf: NIGHT_B });
  viewB = readerView(ref);
  responsesB = await countIn(join(ref, 'ecoute.duckdb'), 'SELECT count(*) FROM responses');
}, 300_000);

afterAll(() => {
  if (matrix.length > 0) console.log(['kill -9 matrix (phase | readers see | next run)', ...matrix].join('\n'));
  setup?.fixture.cleanup();
  rmSync(root, { recursive: true, force: true });
});

function outcome(view: Map<string, Buffer>): string {
  if (differingFiles(viewA, view).length === 0) return 'old night intact';
  if (differingFiles(viewB, view, [...RUN_FACT_FILES, 'ecoute.duckdb']).length === 0) return 'new night complete';
  return `MIX: ${differingFiles(viewA, view).slice(0, 5).join(', ')} differ from the old night`;
}

describe('kill -9 during a nightly run', () => {
  it('the old night differs from the new one (else the comparison proves nothing)', () => {
    expect(differingFiles(viewA, viewB, RUN_FACT_FILES).length).toBeGreaterThan(10);
  });

  for (const c of CASES) {
    it(`killed at ${c.phase}: readers see the ${c.expected.replace(/ .*/, '')} night, whole${c.rerun ? '; the next run publishes the new one' : ''}`, async () => {
      const dir = join(root, c.phase.replace(/[^a-z0-9]+/gi, '-'));
      cpSync(base, dir, { recursive: true, verbatimSymlinks: true });
      const child = await runChild([join(CHILDREN, 'run-and-kill.ts'), setup.pipelineFile, dir, NIGHT_B, c.pattern, String(c.delayMs)]);
      expect(child.signal, child.stderr).toBe('SIGKILL');
      const seen = outcome(readerView(dir));
      if (c.expected === 'new night complete') expect(await countIn(join(dir, 'ecoute.duckdb'), 'SELECT count(*) FROM responses')).toBe(responsesB);
      if (c.rerun !== true) {
        matrix.push(`${c.phase} | ${seen} | (not rerun)`);
        expect(seen).toBe(c.expected);
        return;
      }
      // the next run takes over the dead run's lock and removes its staging folder
      const next = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: dir, asOf: NIGHT_B });
      const after = readerView(dir);
      const nextOk = differingFiles(viewB, after, [...RUN_FACT_FILES, 'ecoute.duckdb']).length === 0 && (await countIn(join(dir, 'ecoute.duckdb'), 'SELECT count(*) FROM responses')) === responsesB;
      expect(readdirSync(join(dir, 'staging'))).toEqual([]);
      expect(existsSync(join(dir, '.ecoute-lock'))).toBe(false);
      expect(next.nightDir.startsWith(join(dir, 'runs'))).toBe(true);
      matrix.push(`${c.phase} | ${seen} | ${nextOk ? 'publishes the complete new night' : 'WRONG'}`);
      expect(seen).toBe(c.expected);
      expect(nextOk).toBe(true);
    }, 180_000);
  }
});

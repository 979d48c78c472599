/**
 * Issue 12, finding 9: incremental = from scratch. A night built on the previous night's folder
 * (its database and caches) after a month of responses is appended must show readers the same
 * files as a run from scratch on the same files; rerunning the same night changes nothing.
 * Compared: every file reached through the documented paths, byte for byte, except the run's own
 * facts (run-timings.json: timings and cache work; the dashboard's run-history.js), and the database
 * table by table (a DuckDB file's bytes depend on its block layout, not only its content).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { appendMonth, createDemoSetup, databaseContent, differingFiles, readerView, RUN_FACT_FILES, type DemoSetup } from './publish-helpers.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ecoute-incr-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Tables whose content depends on what earlier nights classified: caches, never read by an output. */
const CACHE_TABLES = ['classification_cache', 'classify_domain_model'];
const NOT_BYTES = [...RUN_FACT_FILES, 'ecoute.duckdb'];

async function nightlyVersusScratch(name: string, domainAdaptation: boolean): Promise<void> {
  const setup: DemoSetup = await createDemoSetup(join(root, name), { months: 23, domainAdaptation });
  try {
    const nightly = join(root, name, 'nightly');
    await runPipeline({ pipelineFile: setup.pipelineFile, outDir: nightly, asOf: '2026-10-01' });
    appendMonth(setup);
    const incremental = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: nightly, asOf: '2026-11-01' });
    expect(incremental.classifyWork.cachedHits).toBeGreaterThan(0); // the previous night's cache was used
    const scratch = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: join(root, name, 'scratch'), asOf: '2026-11-01' });
    expect(scratch.classifyWork.cachedHits).toBe(0);

    const a = readerView(nightly);
    const b = readerView(scratch.outDir);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(differingFiles(a, b, NOT_BYTES)).toEqual([]);
    const da = await databaseContent(join(nightly, 'ecoute.duckdb'));
    const db = await databaseContent(join(scratch.outDir, 'ecoute.duckdb'));
    expect([...da.keys()]).toEqual([...db.keys()]);
    expect([...da.keys()].filter((t) => !CACHE_TABLES.includes(t) && da.get(t) !== db.get(t))).toEqual([]);

    // the same night again, on the same folder: nothing changes, not even run-summary.json
    const again = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: nightly, asOf: '2026-11-01' });
    expect(again.classifyWork.newlyClassified).toBe(0);
    const c = readerView(nightly);
    expect(differingFiles(a, c, NOT_BYTES)).toEqual([]);
    const dc = await databaseContent(join(nightly, 'ecoute.duckdb'));
    expect([...dc.keys()].filter((t) => dc.get(t) !== da.get(t))).toEqual([]);
  } finally {
    setup.fixture.cleanup();
  }
}

describe('a nightly run on appended files', () => {
  it('publishes what a run from scratch on the same files publishes, and a rerun changes nothing (lexicon sentiment)', async () => {
    await nightlyVersusScratch('lexicon', false);
  }, 600_000);

  // issue 12 finding 9: the cross-fitted domain model is retrained from this night's scored verbatims
  // every night, so the nightly folder equals a run from scratch with the domain model too.
  it('the same with the domain-adapted sentiment model of the demo pipeline', async () => {
    await nightlyVersusScratch('domain', true);
  }, 600_000);
});

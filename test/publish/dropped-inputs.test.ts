/**
 * A night starts from a copy of the previous night's database. When its pipeline no longer has some sources
 * (churn, invitations, benchmark, reference scores, follow-ups) or a taxonomy, nothing of the earlier night's brand comparison or candidate themes may be published
 * as this night's: the folder must show what a run from scratch with the same pipeline shows.
 * (Before: the previous night's benchmark tables, chart and report section, and its candidate themes, stayed.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { countIn, createDemoSetup, databaseContent, differingFiles, readerView, RUN_FACT_FILES } from './publish-helpers.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ecoute-dropped-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CACHE_TABLES = ['classification_cache', 'classify_domain_model'];

/** The pipeline text without the block that starts at `from` and ends before `to`. */
function withoutBlock(yaml: string, from: string, to: string): string {
  const a = yaml.indexOf(from);
  const b = yaml.indexOf(to, a + from.length);
  if (a < 0 || b < 0) throw new Error(`block ${JSON.stringify(from)} … ${JSON.stringify(to)} not found`);
  return yaml.slice(0, a) + yaml.slice(b);
}

describe('a night whose pipeline dropped an input', () => {
  it('publishes nothing of those inputs from the previous night (benchmark, candidate themes…): the same as a run from scratch', async () => {
    const setup = await createDemoSetup(join(root, 'demo'), { domainAdaptation: false });
    try {
      const nightly = join(root, 'nightly');
      await runPipeline({ pipelineFile: setup.pipelineFile, outDir: nightly, asOf: '2026-11-01' });
      expect(await countIn(join(nightly, 'ecoute.duckdb'), 'SELECT count(*) FROM benchmark_nps')).toBeGreaterThan(0);
      expect(await countIn(join(nightly, 'ecoute.duckdb'), 'SELECT count(*) FROM theme_candidates')).toBeGreaterThan(0);

      let yaml = readFileSync(setup.pipelineFile, 'utf8');
      // churn, invitations, benchmark and reference scores, then the follow-ups, then the taxonomy
      yaml = withoutBlock(yaml, '\n  churn:\n', '\n  # calls logged in the CRM');
      yaml = withoutBlock(yaml, '\n  # calls logged in the CRM', '\ntaxonomy:\n');
      yaml = withoutBlock(yaml, '\ntaxonomy:\n', '\nsettings:\n');
      writeFileSync(setup.pipelineFile, yaml);

      await runPipeline({ pipelineFile: setup.pipelineFile, outDir: nightly, asOf: '2026-11-01' });
      const scratch = await runPipeline({ pipelineFile: setup.pipelineFile, outDir: join(root, 'scratch'), asOf: '2026-11-01' });

      const a = readerView(nightly);
      const b = readerView(scratch.outDir);
      expect([...a.keys()].filter((f) => f.includes('benchmark'))).toEqual([]);
      expect([...a.keys()]).toEqual([...b.keys()]);
      expect(differingFiles(a, b, [...RUN_FACT_FILES, 'ecoute.duckdb'])).toEqual([]);
      const da = await databaseContent(join(nightly, 'ecoute.duckdb'));
      const db = await databaseContent(join(scratch.outDir, 'ecoute.duckdb'));
      expect([...da.keys()]).toEqual([...db.keys()]);
      expect([...da.keys()].filter((t) => !CACHE_TABLES.includes(t) && da.get(t) !== db.get(t))).toEqual([]);
      expect(await countIn(join(nightly, 'ecoute.duckdb'), 'SELECT count(*) FROM theme_candidates')).toBe(0);
    } finally {
      setup.fixture.cleanup();
    }
  }, 600_000);
});

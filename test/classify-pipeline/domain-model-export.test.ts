import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../../src/classify/pipeline/run-classify-phase.ts';
import { exportDomainModel, loadDomainModel } from '../../src/classify/pipeline/load-domain-model.ts';
import { resolveCommandEngines } from '../../src/classify/pipeline/command-engines.ts';
import { DomainModelError } from '../../src/classify/embedded/index.ts';
import { createRng } from '../../src/util/random.ts';
import { loadResponses } from './fixtures.ts';

describe('the domain model outside runs: export, --domain-model', () => {
  it('exports the set a run stored and applies it from the run folder or the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-export-'));
    const rng = createRng(2);
    const rows = Array.from({ length: 200 }, (_, i) => {
      const good = rng.chance(0.5);
      return { id: `r${String(i).padStart(4, '0')}`, verbatim: `${good ? 'zorblik service, vraiment top' : 'service plonk, très déçu'} (#${i})`, nps: good ? 10 : 2, account: `a${i % 40}` };
    });
    const db = await openDatabase(join(dir, 'ecoute.duckdb'));
    try {
      await loadResponses(db.connection, rows);
      const run = await runClassifyPhase(db.connection, { config: classifyConfigSchema.parse({}), modelsRoot: 'models', runDate: '2024-06-01', quiet: true });
      expect(run.domain?.folds).toBe(5);
    } finally {
      db.close();
    }
    const file = join(dir, 'domain.json');
    const written = await exportDomainModel(dir, file);
    expect(written.models).toBe(5);
    expect(written.outOfFold?.n).toBe(200);
    expect(await loadDomainModel(file)).toEqual(await loadDomainModel(dir));
    const mem = await openDatabase();
    const engines = await resolveCommandEngines(mem.connection, { domainModel: file }, 'sentiment', undefined);
    expect(engines.sentiment.info.model).toBe('ecoute-embedded-lexicon+domain');
    // the dataset's own word the lexicon does not know: the domain model moves it towards positive
    const plain = await resolveCommandEngines(mem.connection, { selfTraining: false }, 'sentiment', undefined);
    mem.close();
    const [adapted] = await engines.sentiment.classifySentiment(['zorblik service'], ['fr']);
    const [lexicon] = await plain.sentiment.classifySentiment(['zorblik service'], ['fr']);
    expect(lexicon?.polarity).toBe(0);
    expect(adapted?.polarity).toBeGreaterThan(0.05);
  }, 60_000);

  it('names the path of a bad model file or run folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-badmodel-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"ecoute-domain-model-set/1","models":[]}');
    await expect(loadDomainModel(bad)).rejects.toThrow(DomainModelError);
    await expect(loadDomainModel(bad)).rejects.toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: invalid domain model`));
    writeFileSync(bad, 'not json');
    await expect(loadDomainModel(bad)).rejects.toThrow(/not JSON/);
    await expect(loadDomainModel(dir)).rejects.toThrow(/not a run folder/);
    await expect(loadDomainModel(join(dir, 'missing.json'))).rejects.toThrow(/no such file or run folder/);
  });
});

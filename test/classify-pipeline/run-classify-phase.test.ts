import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../../src/classify/pipeline/run-classify-phase.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { createRng, type Rng } from '../../src/util/random.ts';
import { loadResponses } from './fixtures.ts';

const taxonomy = taxonomySchema.parse({
  version: '1',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['delivery', 'parcel'], fr: ['livraison', 'colis'] } },
    { id: 'price', labels: { en: 'Price', fr: 'Prix' }, keywords: { en: ['price', 'expensive'], fr: ['prix', 'cher'] } },
  ],
});

const GOOD = ['la livraison était rapide et parfaite', 'great delivery, thank you', 'le prix est correct, très contente', 'excellent value, fair price'];
const BAD = ['le colis est arrivé cassé, très déçu', 'the parcel was late, awful', 'beaucoup trop cher, scandaleux', 'way too expensive, terrible'];
const UNMATCHED = ["l'application plante à chaque connexion", "l'appli mobile plante au démarrage", 'impossible de me connecter, application bloquée'];

function makeRows(rng: Rng, from: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const good = rng.chance(0.5);
    const parts = [rng.pick(good ? GOOD : BAD)];
    if (rng.chance(0.4)) parts.push(rng.pick(UNMATCHED));
    return { id: `r${String(i).padStart(5, '0')}`, verbatim: `${parts.join('. ')}. (#${i})`, nps: good ? 9 + rng.int(2) : rng.int(6) };
  });
}

describe('runClassifyPhase across nightly runs (file database, embedded engine)', () => {
  let path: string;
  beforeAll(() => {
    path = join(mkdtempSync(join(tmpdir(), 'ecoute-nightly-')), 'ecoute.duckdb');
  });

  it('reuses the domain model and cache, keeps candidate ids, retrains on growth', async () => {
    const rng = createRng(11);
    const config = classifyConfigSchema.parse({ batch_size: 64 });
    const night = async (runDate: string, rows: ReturnType<typeof makeRows>) => {
      const db = await openDatabase(path);
      try {
        await loadResponses(db.connection, rows);
        return await runClassifyPhase(db.connection, { config, taxonomy, modelsRoot: 'models', runDate, quiet: true });
      } finally {
        db.close();
      }
    };

    const first = await night('2024-06-01', makeRows(rng, 0, 300));
    expect(first.newlyClassified).toBe(300);
    expect(first.notices[0]).toMatch(/^sentiment: embedded domain model \S+ trained on 300 scored verbatims$/);
    expect(first.engines[0]!.model).toMatch(/\+domain$/);
    expect(first.discovery!.candidates).toBeGreaterThanOrEqual(1);
    const candidates = async () => {
      const db = await openDatabase(path);
      try {
        return (await db.connection.runAndReadAll("SELECT candidate_id, strftime(first_seen, '%Y-%m-%d') AS f, strftime(last_seen, '%Y-%m-%d') AS l FROM theme_candidates ORDER BY 1")).getRowObjectsJson();
      } finally {
        db.close();
      }
    };
    // every fixture response is dated 2024-01-15: candidates are dated by their clauses, not by the runs
    expect(first.discovery!.newCandidates).toEqual([]);
    const firstCands = await candidates();
    for (const c of firstCands) expect(c).toMatchObject({ f: '2024-01-15', l: '2024-01-15' });

    const second = await night('2024-06-02', makeRows(rng, 300, 3));
    expect(second.newlyClassified).toBe(3);
    expect(second.cachedHits).toBe(300);
    expect(second.notices[0]).toMatch(/reused \(trained on 300 scored verbatims on 2024-06-01; 303 now, retrained at 375\)/);
    expect(second.key).toEqual(first.key);
    expect(second.discovery!.newCandidates).toEqual([]);

    const cands = await candidates();
    for (const c of firstCands) expect(cands).toContainEqual(c); // same ids on the next night

    const third = await night('2024-06-03', makeRows(rng, 303, 100));
    expect(third.notices[0]).toMatch(/trained on 403 scored verbatims/);
    expect(third.key.revision).not.toBe(first.key.revision);
    expect(third.newlyClassified).toBe(403); // a new domain model re-scores everything, once
    expect(third.sentimentRows).toBe(403);
  }, 120_000);
});

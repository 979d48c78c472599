import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../../src/classify/pipeline/run-classify-phase.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { createEmbeddedSentimentEngine, trainDomainModel, sentimentLabelFromScore } from '../../src/classify/embedded/index.ts';
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

type Row = { id: string; verbatim: string; nps: number; account: string };

function makeRows(rng: Rng, from: number, n: number): Row[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const good = rng.chance(0.5);
    const parts = [rng.pick(good ? GOOD : BAD)];
    if (rng.chance(0.4)) parts.push(rng.pick(UNMATCHED));
    return { id: `r${String(i).padStart(5, '0')}`, verbatim: `${parts.join('. ')}. (#${i})`, nps: good ? 9 + rng.int(2) : rng.int(6), account: `a${rng.int(60)}` };
  });
}

const config = classifyConfigSchema.parse({ batch_size: 64 });

async function night(path: string, runDate: string, rows: readonly Row[]) {
  const db = await openDatabase(path);
  try {
    await loadResponses(db.connection, rows);
    return await runClassifyPhase(db.connection, { config, taxonomy, modelsRoot: 'models', runDate, quiet: true });
  } finally {
    db.close();
  }
}

async function tableText(path: string, sql: string): Promise<string> {
  const db = await openDatabase(path);
  try {
    return JSON.stringify((await db.connection.runAndReadAll(sql)).getRowObjectsJson());
  } finally {
    db.close();
  }
}

const newDb = (prefix: string): string => join(mkdtempSync(join(tmpdir(), prefix)), 'ecoute.duckdb');

describe('runClassifyPhase across nightly runs (file database, embedded engine, cross-fitted domain model)', () => {
  it('retrains nightly without reclassifying, and a night-by-night database equals a from-scratch one', async () => {
    const rng = createRng(11);
    const nights = [makeRows(rng, 0, 300), makeRows(rng, 300, 3), makeRows(rng, 303, 100)];
    const path = newDb('ecoute-nightly-');
    const first = await night(path, '2024-06-01', nights[0]!);
    expect(first.newlyClassified).toBe(300);
    expect(first.notices.at(-1)).toMatch(/^sentiment: domain model cross-fitted, .*out-of-fold accuracy \d+\.\d % on 300 scored verbatims \(5 folds by account; always "\w+" \d+\.\d %, lexicon alone \d+\.\d %\)$/);
    expect(first.engines[0]!.model).toBe('ecoute-embedded-lexicon+domain');
    expect(first.domain!.outOfFold.n).toBe(300);
    expect(first.domain!.outOfFold.accuracy).toBeGreaterThan(first.domain!.outOfFold.majorityAccuracy + 0.2);
    expect(first.discovery!.candidates).toBeGreaterThanOrEqual(1);
    const candidates = async (): Promise<Array<{ candidate_id: string; f: string; l: string }>> =>
      JSON.parse(await tableText(path, "SELECT candidate_id, strftime(first_seen, '%Y-%m-%d') AS f, strftime(last_seen, '%Y-%m-%d') AS l FROM theme_candidates ORDER BY 1")) as Array<{ candidate_id: string; f: string; l: string }>;
    // every fixture response is dated 2024-01-15: candidates are dated by their clauses, not by the runs
    expect(first.discovery!.newCandidates).toEqual([]);
    const firstCands = await candidates();
    for (const c of firstCands) expect(c).toMatchObject({ f: '2024-01-15', l: '2024-01-15' });

    const second = await night(path, '2024-06-02', nights[1]!);
    // the models are retrained on 303 verbatims, yet only the 3 new texts are classified (features cached by text)
    expect(second.newlyClassified).toBe(3);
    expect(second.cachedHits).toBe(300);
    expect(second.domain!.newlyFeaturized).toBe(3);
    expect(second.domain!.outOfFold.n).toBe(303);
    expect(second.key).toEqual(first.key);

    const cands = await candidates();
    for (const c of firstCands) expect(cands).toContainEqual(c); // same ids on the next night

    const third = await night(path, '2024-06-03', nights[2]!);
    expect(third.newlyClassified).toBe(100);
    expect(third.sentimentRows).toBe(403);

    const scratch = newDb('ecoute-scratch-');
    const once = await night(scratch, '2024-06-03', nights.flat());
    expect(once.domain).toEqual({ ...third.domain, newlyFeaturized: 403 });
    for (const sql of ['SELECT * FROM verbatim_sentiment ORDER BY response_id', 'SELECT * FROM theme_mentions ORDER BY ALL', 'SELECT fingerprint, trained_on, model FROM classify_domain_model']) {
      expect(await tableText(path, sql)).toBe(await tableText(scratch, sql));
    }
    expect(await tableText(scratch, "SELECT count(*) AS n FROM verbatim_sentiment WHERE model = 'ecoute-embedded-lexicon+domain'")).toBe('[{"n":"403"}]');
  }, 120_000);

  it('turning domain adaptation off restores the text-only sentiment', async () => {
    const path = newDb('ecoute-off-');
    await night(path, '2024-06-01', makeRows(createRng(3), 0, 200));
    const db = await openDatabase(path);
    try {
      const off = await runClassifyPhase(db.connection, { config: classifyConfigSchema.parse({ domain_adaptation: false }), taxonomy, modelsRoot: 'models', runDate: '2024-06-02', quiet: true });
      expect(off.domain).toBeUndefined();
      const rows = (await db.connection.runAndReadAll('SELECT DISTINCT model FROM verbatim_sentiment')).getRowObjectsJson();
      expect(rows).toEqual([{ model: 'ecoute-embedded-lexicon' }]);
    } finally {
      db.close();
    }
  }, 60_000);
});

/**
 * Leakage: verbatims whose text carries no information about the score (phrases drawn independently
 * of a random NPS, each with a unique order number a model can memorise). A model scoring the very
 * verbatims it was trained on agrees with their scores far above chance; the cross-fitted one must not.
 */
describe('no leakage from a response’s own score', () => {
  const PHRASES = ['la livraison du colis', 'the parcel delivery', 'le prix de l’abonnement', 'the price of the plan', 'mon colis', 'le tarif', 'the delivery slot'];
  function noSignal(n: number): Row[] {
    const rng = createRng(5);
    return Array.from({ length: n }, (_, i) => ({
      id: `r${String(i).padStart(5, '0')}`,
      verbatim: `${rng.pick(PHRASES)} ${rng.pick(PHRASES)} commande ${i} ref${rng.int(1000)}`,
      nps: rng.int(11),
      account: `a${rng.int(150)}`,
    }));
  }

  it('out-of-fold accuracy is about chance, and no theme gets a significant NPS impact', async () => {
    const rows = noSignal(900);
    // in-sample (what the previous engine did): the same verbatims it was trained on
    const labels = rows.map((r) => sentimentLabelFromScore(r.nps, 'nps'));
    const inSample = await createEmbeddedSentimentEngine({ domain: trainDomainModel(rows.map((r) => r.verbatim), labels) }).classifySentiment(rows.map((r) => r.verbatim));
    const inSampleAccuracy = inSample.filter((p, i) => p.label === labels[i]).length / rows.length;

    const path = newDb('ecoute-leak-');
    const r = await night(path, '2024-06-01', rows);
    const oof = r.domain!.outOfFold;
    expect(oof.n).toBe(900);
    expect(inSampleAccuracy).toBeGreaterThan(oof.majorityAccuracy + 0.2);
    // chance: at most the majority share plus two binomial standard errors
    expect(oof.accuracy).toBeLessThan(oof.majorityAccuracy + 2 * Math.sqrt(0.25 / oof.n));

    // theme impact of negative mentions: NPS with vs without (two-sample z on the promoter − detractor score)
    const db = await openDatabase(path);
    try {
      const table = (
        await db.connection.runAndReadAll(`
          WITH themes AS (SELECT DISTINCT theme_id FROM theme_mentions),
          s AS (
            SELECT t.theme_id, r.response_id,
                   CASE WHEN r.nps >= 9 THEN 1 WHEN r.nps <= 6 THEN -1 ELSE 0 END AS x,
                   r.response_id IN (SELECT response_id FROM theme_mentions m WHERE m.theme_id = t.theme_id AND m.sentiment_label = 'negative') AS neg
            FROM themes t CROSS JOIN responses r)
          SELECT theme_id, neg, count(*) AS n, avg(x) AS mean, var_samp(x) AS v FROM s GROUP BY ALL ORDER BY ALL`)
      ).getRowObjectsJS() as Array<{ theme_id: string; neg: boolean; n: bigint; mean: number; v: number }>;
      const themes = [...new Set(table.map((t) => t.theme_id))];
      expect(themes.length).toBeGreaterThanOrEqual(2);
      for (const theme of themes) {
        const a = table.find((t) => t.theme_id === theme && t.neg);
        const b = table.find((t) => t.theme_id === theme && !t.neg)!;
        if (a === undefined || Number(a.n) < 2) continue;
        const z = (a.mean - b.mean) / Math.sqrt(a.v / Number(a.n) + b.v / Number(b.n));
        expect(Math.abs(z), `theme ${theme}`).toBeLessThan(1.96);
      }
    } finally {
      db.close();
    }
  }, 120_000);
});

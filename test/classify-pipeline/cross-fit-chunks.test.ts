import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBBlobValue, type DuckDBValue } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { runCrossFitPhase } from '../../src/classify/pipeline/cross-fit-phase.ts';
import { unpackHashes } from '../../src/classify/pipeline/sentiment-features-store.ts';
import { crossFitDomain, type CrossFitRow } from '../../src/classify/embedded/cross-fit-domain.ts';
import { domainSetFingerprint } from '../../src/classify/embedded/domain-model-set.ts';
import type { SentimentLabel } from '../../src/classify/classifier-types.ts';
import { createRng } from '../../src/util/random.ts';
import { classifyTextOnly } from './fixtures.ts';

const GOOD = ['la livraison était rapide et parfaite', 'great delivery, thank you', 'le prix est correct, très contente', 'excellent value, fair price'];
const BAD = ['le colis est arrivé cassé, très déçu', 'the parcel was late, awful', 'beaucoup trop cher, scandaleux', 'way too expensive, terrible'];

const N = 2400;
const CHUNK = 300;
const CAP = 150;

describe('cross-fitted domain model read in chunks', () => {
  it('holds at most one chunk of rows plus the training candidates, and gives the models and rows of the all-at-once fit', async () => {
    const rng = createRng(7);
    const rows = Array.from({ length: N }, (_, i) => {
      const good = rng.chance(0.5);
      // every 5th response unscored: scored only for the rest
      const nps = good ? 9 + rng.int(2) : rng.int(6);
      return { id: `r${String(i).padStart(5, '0')}`, verbatim: `${rng.pick(good ? GOOD : BAD)} (#${i % 1700})`, account: `a${rng.int(400)}`, ...(i % 5 === 4 ? {} : { nps }) };
    });
    const db = await openDatabase();
    try {
      const conn = db.connection;
      const run = await classifyTextOnly(conn, rows);
      const chunks: number[] = [];
      let candidates = 0;
      const phase = await runCrossFitPhase(conn, {
        runDate: '2024-06-01', key: run.key, sentiment: run.engines[0]!, enabled: true, maxTrainRows: CAP, chunkSize: CHUNK,
        onChunk: (n) => chunks.push(n), onCandidates: (n) => { candidates = n; },
      });
      // 2,400 responses with a verbatim in chunks of 300: 8 chunks, never more at once
      expect(chunks).toEqual(Array(8).fill(300));
      // training rows kept: each fold's 150 lowest id hashes among the others' scored rows; 5 folds
      // share most of them, so between 150 and 150 × 5 / 4 rounded up to a few ties
      expect(candidates).toBeGreaterThanOrEqual(CAP);
      expect(candidates).toBeLessThan(Math.ceil((CAP * 5) / 4) + 20);

      // the reference: every row in memory at once
      const all = (await conn.runAndReadAll('SELECT response_id, fold_key, text_hash, label, hashes, polarity, positive, negative, hits FROM cross_fit_rows ORDER BY response_id')).getRows() as DuckDBValue[][];
      const reference: CrossFitRow[] = all.map(([id, group, textHash, label, hashes, polarity, positive, negative, hits]) => ({
        id: String(id), group: String(group), textHash: String(textHash),
        ...(label === null ? {} : { label: String(label) as SentimentLabel }),
        hashes: unpackHashes((hashes as DuckDBBlobValue).bytes),
        lexicon: { polarity: Number(polarity), positive: Number(positive), negative: Number(negative), hits: Number(hits) },
      }));
      expect(reference.length).toBe(N);
      expect(reference.filter((r) => r.label !== undefined).length).toBe(N - N / 5);
      const fit = crossFitDomain(reference, { maxTrainRows: CAP });
      expect(phase.domain!.fingerprint).toBe(domainSetFingerprint(fit.set.models));
      expect(phase.domain!.outOfFold).toEqual(fit.set.outOfFold);
      const stored = (await conn.runAndReadAll('SELECT response_id, fold, sentiment_label, polarity, confidence FROM domain_sentiment')).getRows();
      // appended chunk by chunk in response id order
      expect(stored.map((r) => String(r[0]))).toEqual(reference.map((r) => r.id));
      const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
      expect(stored.map((r) => [Number(r[1]), String(r[2]), Number(r[3]), Number(r[4])])).toEqual(
        fit.results.map((s, i) => [fit.fold[i], s.label, round6(s.polarity), round6(s.confidence)]),
      );
    } finally {
      db.close();
    }
  }, 120_000);

  it('gives DuckDB the memory limit and a spill folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ecoute-mem-')), '.work');
    mkdirSync(dir);
    const db = await openDatabase(join(dir, '..', 'ecoute.duckdb'), { memoryLimit: '64MB', tempDirectory: join(dir, 'duckdb-spill') });
    try {
      const [row] = (await db.connection.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR, current_setting('temp_directory')::VARCHAR")).getRows();
      // 64 MB = 64,000,000 bytes = 61.04 MiB, as DuckDB prints it
      expect(row).toEqual(['61.0 MiB', join(dir, 'duckdb-spill')]);
    } finally {
      db.close();
    }
  });
});

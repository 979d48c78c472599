import { describe, expect, it } from 'vitest';
import { DuckDBBlobValue, type DuckDBValue } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../../src/classify/pipeline/run-classify-phase.ts';
import { runCrossFitPhase } from '../../src/classify/pipeline/cross-fit-phase.ts';
import { unpackHashes } from '../../src/classify/pipeline/sentiment-features-store.ts';
import { createSelfTrainer, selfTrainedScore, selfTrainingFold, type SelfTrainingItem } from '../../src/classify/embedded/self-trained-sentiment.ts';
import { deliveryComplaints } from '../classify-embedded/delivery-complaints.ts';
import { classifyTextOnly, loadResponses } from './fixtures.ts';

/** Responses whose verbatims are the generated delivery complaints, some texts answered twice, none scored. */
function responses(): { rows: { id: string; verbatim: string; account: string }[]; factual: ReadonlySet<string> } {
  const { sure, factual, questions } = deliveryComplaints(9);
  const texts = [...sure, ...questions, ...factual];
  const rows = [...texts, ...texts.slice(0, 90)].map((verbatim, i) => ({ id: `r${String(i).padStart(4, '0')}`, verbatim, account: `a${i % 70}` }));
  return { rows, factual: new Set(factual) };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

describe('a run with too few scored verbatims self-trains its sentiment on its own texts', () => {
  it('overlays verbatim_sentiment with the self-trained verdicts, read in chunks, as the in-memory model gives them', async () => {
    const { rows, factual } = responses();
    const db = await openDatabase();
    try {
      const conn = db.connection;
      const run = await classifyTextOnly(conn, rows);
      const chunks: number[] = [];
      const phase = await runCrossFitPhase(conn, { runDate: '2024-06-01', key: run.key, sentiment: run.engines[0]!, enabled: true, chunkSize: 100, onChunk: (n) => chunks.push(n) });
      expect(phase.domain).toBeUndefined();
      expect(phase.selfTrained?.texts).toBe(660);
      expect(phase.selfTrained?.pseudoLabels).toEqual([260, 240, 160]);
      expect(phase.engine.model).toBe('ecoute-embedded-lexicon+self');
      expect(phase.engine.description).toContain('self-trained on 660 distinct texts of this run');
      expect(phase.notice).toMatch(/^sentiment: too few scored verbatims for the domain model \(fold 1 of 5 would train on 0 scored verbatims.*\); the embedded engine self-trained on the 660 distinct texts of this run instead \(see engine\)$/);
      // 750 responses scored in chunks of 100
      expect(chunks).toEqual([...Array(7).fill(100), 50]);

      // the reference: the distinct texts' features in memory, one model, every response scored by it
      const all = (await conn.runAndReadAll('SELECT response_id, text_hash, hashes, polarity, hits FROM cross_fit_rows ORDER BY response_id')).getRows() as DuckDBValue[][];
      const items = all.map(([, key, hashes, polarity, hits]): SelfTrainingItem => ({
        key: String(key),
        hashes: unpackHashes((hashes as DuckDBBlobValue).bytes),
        lexicon: { polarity: Number(polarity), hits: Number(hits) },
      }));
      const trainer = createSelfTrainer();
      const seen = new Set<string>();
      for (const item of items) if (!seen.has(item.key)) (seen.add(item.key), trainer.add(item));
      const model = trainer.finish();
      expect(model.fingerprint).toBe(phase.selfTrained?.fingerprint);
      const stored = (await conn.runAndReadAll('SELECT response_id, fold, sentiment_label, polarity, confidence FROM domain_sentiment')).getRows();
      expect(stored.map((r) => String(r[0]))).toEqual(all.map((r) => String(r[0])));
      expect(stored.map((r) => [Number(r[1]), String(r[2]), Number(r[3]), Number(r[4])])).toEqual(
        items.map((item) => {
          const s = selfTrainedScore(model, item);
          return [selfTrainingFold(item.key), s.label, round6(s.polarity), round6(s.confidence)];
        }),
      );

      // what the run publishes: factual complaints negative, under the self-trained engine's name
      const published = (await conn.runAndReadAll(
        "SELECT r.verbatim, v.sentiment_label, v.model FROM verbatim_sentiment v JOIN responses r USING (response_id) ORDER BY response_id",
      )).getRows();
      const factualRows = published.filter((r) => factual.has(String(r[0])));
      expect(factualRows.length).toBe(80);
      expect(factualRows.filter((r) => r[1] === 'negative').length).toBeGreaterThanOrEqual(72);
      expect(new Set(published.map((r) => String(r[2])))).toEqual(new Set(['ecoute-embedded-lexicon+self']));
    } finally {
      db.close();
    }
  }, 120_000);

  it('keeps the lexicon and says why when the run has too few texts for that too', async () => {
    const { rows } = responses();
    const db = await openDatabase();
    try {
      const conn = db.connection;
      await loadResponses(conn, rows.slice(0, 120));
      const run = await runClassifyPhase(conn, { config: classifyConfigSchema.parse({}), modelsRoot: 'models', runDate: '2024-06-01', quiet: true });
      expect(run.selfTrained).toBeUndefined();
      expect(run.engines[0]?.model).toBe('ecoute-embedded-lexicon');
      expect(run.notices.join('\n')).toMatch(/domain adaptation skipped \(fold \d of 5 would train on 0 scored verbatims.*\), and no self-trained model either \(120 distinct texts, self-training needs 500\); verbatim sentiment is the lexicon's/);
    } finally {
      db.close();
    }
  }, 120_000);
});

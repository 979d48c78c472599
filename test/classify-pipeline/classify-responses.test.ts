import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { classifyResponses } from '../../src/classify/pipeline/classify-responses.ts';
import { countingClassifier, loadResponses } from './fixtures.ts';

const BASE = [
  { id: 'r1', verbatim: 'Le support est super, mais le prix est trop cher.' },
  { id: 'r2', verbatim: 'Great service' },
  { id: 'r3', verbatim: 'Great service' }, // duplicate text: classified once
  { id: 'r4', verbatim: null },
  { id: 'r5', verbatim: '   ' },
  { id: 'r6', verbatim: 'The price is bad' },
];

async function rows(db: Database, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe('classifyResponses (incremental cache)', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openDatabase();
    await loadResponses(db.connection, BASE);
  });
  afterEach(() => db.close());

  it('classifies each distinct text once, then nothing on a rerun', async () => {
    const c = countingClassifier();
    const first = await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    expect(first).toMatchObject({ distinctTexts: 3, cachedHits: 0, newlyClassified: 3, sentimentRows: 4 });
    expect(c.seen).toHaveLength(3);
    const again = countingClassifier();
    const second = await classifyResponses(db.connection, { engines: again.engines, classify: again.classify, taxonomyVersion: '1', quiet: true });
    expect(again.seen).toEqual([]);
    expect(second).toMatchObject({ distinctTexts: 3, cachedHits: 3, newlyClassified: 0, rate: 0, sentimentRows: 4 });
  });

  it('classifies only the 1 % new texts of a nightly rerun, in small chunks', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `m${String(i).padStart(4, '0')}`, verbatim: `Comment number ${i} about the price` }));
    await loadResponses(db.connection, many);
    const c = countingClassifier();
    await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true, batchSize: 7, concurrency: 3 });
    expect(c.seen).toHaveLength(303);
    const fresh = [
      { id: 'n1', verbatim: 'New: support was slow' },
      { id: 'n2', verbatim: 'New: love it' },
      { id: 'n3', verbatim: 'Comment number 5 about the price' }, // a known text under a new id: cached
      { id: 'n4', verbatim: 'New: prix correct' },
    ];
    await loadResponses(db.connection, fresh);
    const night = countingClassifier();
    const r = await classifyResponses(db.connection, { engines: night.engines, classify: night.classify, taxonomyVersion: '1', quiet: true, batchSize: 2 });
    expect([...night.seen].sort()).toEqual(['New: love it', 'New: prix correct', 'New: support was slow']);
    expect(r).toMatchObject({ distinctTexts: 306, cachedHits: 303, newlyClassified: 3, sentimentRows: 308 });
  });

  it('reclassifies a changed text only', async () => {
    const c = countingClassifier();
    await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    await db.connection.run("UPDATE responses SET verbatim = 'The price is fine now' WHERE response_id = 'r6'");
    const next = countingClassifier();
    await classifyResponses(db.connection, { engines: next.engines, classify: next.classify, taxonomyVersion: '1', quiet: true });
    expect(next.seen).toEqual(['The price is fine now']);
  });

  it('reclassifies everything after a taxonomy version bump or a model change, and keeps old entries', async () => {
    const c = countingClassifier();
    await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    const bump = countingClassifier();
    const r = await classifyResponses(db.connection, { engines: bump.engines, classify: bump.classify, taxonomyVersion: '2', quiet: true });
    expect(bump.seen).toHaveLength(3);
    expect(r.key.taxonomy_version).toBe('2');
    const model = countingClassifier('double', '2');
    await classifyResponses(db.connection, { engines: model.engines, classify: model.classify, taxonomyVersion: '2', quiet: true });
    expect(model.seen).toHaveLength(3);
    const back = countingClassifier();
    await classifyResponses(db.connection, { engines: back.engines, classify: back.classify, taxonomyVersion: '1', quiet: true });
    expect(back.seen).toEqual([]); // switching back hits the old entries
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM classification_cache')).toEqual([{ n: 9 }]);
  });

  it('builds verbatim_sentiment and theme_mentions in a deterministic order', async () => {
    const c = countingClassifier();
    const r = await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    expect(r.engines.map((e) => e.model)).toEqual(['double']);
    expect(await rows(db, 'SELECT response_id, language, sentiment_label, polarity, engine, model, revision FROM verbatim_sentiment')).toEqual([
      { response_id: 'r1', language: 'fr', sentiment_label: 'positive', polarity: 0.8, engine: 'embedded', model: 'double', revision: '1' },
      { response_id: 'r2', language: 'en', sentiment_label: 'positive', polarity: 0.8, engine: 'embedded', model: 'double', revision: '1' },
      { response_id: 'r3', language: 'en', sentiment_label: 'positive', polarity: 0.8, engine: 'embedded', model: 'double', revision: '1' },
      { response_id: 'r6', language: 'en', sentiment_label: 'negative', polarity: -0.7, engine: 'embedded', model: 'double', revision: '1' },
    ]);
    const mentions = await rows(db, 'SELECT response_id, theme_id, clause_text, clause_start, clause_end, match_score, sentiment_label FROM theme_mentions');
    expect(mentions).toEqual([
      { response_id: 'r1', theme_id: 'support', clause_text: 'Le support est super', clause_start: 0, clause_end: 20, match_score: 0.75, sentiment_label: 'positive' },
      { response_id: 'r1', theme_id: 'price', clause_text: 'le prix est trop cher', clause_start: 27, clause_end: 48, match_score: 0.9, sentiment_label: 'negative' },
      { response_id: 'r2', theme_id: 'support', clause_text: 'Great service', clause_start: 0, clause_end: 13, match_score: 0.75, sentiment_label: 'positive' },
      { response_id: 'r3', theme_id: 'support', clause_text: 'Great service', clause_start: 0, clause_end: 13, match_score: 0.75, sentiment_label: 'positive' },
      { response_id: 'r6', theme_id: 'price', clause_text: 'The price is bad', clause_start: 0, clause_end: 16, match_score: 0.9, sentiment_label: 'negative' },
    ]);
    expect(BASE[0]!.verbatim!.slice(27, 48)).toBe('le prix est trop cher');
    expect(r.mentionRows).toBe(5);
  });

  it('appends to the output tables for a nightly load of later ids, with the rows and order of a rebuild', async () => {
    const run = async () => {
      const c = countingClassifier();
      return classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    };
    const physical = async () => [
      await rows(db, 'SELECT * FROM verbatim_sentiment'), // no ORDER BY: the stored order
      await rows(db, 'SELECT * FROM theme_mentions'),
    ];
    expect((await run()).outputTables).toBe('rebuilt');
    expect((await run()).outputTables).toBe('unchanged');
    await loadResponses(db.connection, [
      { id: 'r7', verbatim: 'Le prix, le support, tout est bien' },
      { id: 'r8', verbatim: 'Great service' },
    ]);
    const appended = await run();
    expect(appended).toMatchObject({ outputTables: 'appended', newlyClassified: 1, sentimentRows: 6 });
    const afterAppend = await physical();
    await db.connection.run('DELETE FROM classify_output_meta'); // force the next run to rebuild
    expect((await run()).outputTables).toBe('rebuilt');
    expect(await physical()).toEqual(afterAppend);

    await loadResponses(db.connection, [{ id: 'r0', verbatim: 'An earlier id: service' }]);
    expect((await run()).outputTables).toBe('rebuilt');
    await db.connection.run("UPDATE responses SET verbatim = 'The price changed' WHERE response_id = 'r8'");
    expect((await run()).outputTables).toBe('rebuilt');
    await db.connection.run("DELETE FROM responses WHERE response_id = 'r7'");
    const afterDelete = await run();
    expect(afterDelete.outputTables).toBe('rebuilt');
    expect(await rows(db, "SELECT count(*)::INTEGER AS n FROM theme_mentions WHERE response_id = 'r7'")).toEqual([{ n: 0 }]);
    const bump = countingClassifier();
    const bumped = await classifyResponses(db.connection, { engines: bump.engines, classify: bump.classify, taxonomyVersion: '2', quiet: true });
    expect(bumped.outputTables).toBe('rebuilt');
  });

  it('draws progress on a TTY', async () => {
    const c = countingClassifier();
    const chunks: string[] = [];
    let now = 0;
    await classifyResponses(db.connection, {
      engines: c.engines,
      classify: c.classify,
      taxonomyVersion: '1',
      batchSize: 1,
      progressOutput: { isTTY: true, write: (s) => void chunks.push(s) },
      clock: () => (now += 1000),
    });
    expect(chunks.join('')).toContain('3/3');
    expect(chunks.at(-1)).toBe('\n');
  });
});

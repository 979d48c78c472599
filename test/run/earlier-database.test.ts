/**
 * A run starts from the database of the night published in its output folder (caches live there). One
 * written by an earlier version holds response_ratings as a table: the run replaces it with the view
 * over responses.ratings.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { freezeNight } from '../../src/publish/freeze-night.ts';
import { AS_OF, createFixture, csvText, queryOut, type Fixture } from '../ingest/helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

describe('a database from an earlier version', () => {
  it('its response_ratings table becomes the view over responses.ratings', async () => {
    fx.write('responses.csv', csvText([['id', 'submitted_at', 'nps', 'ease', 'price'], ['r1', '2024-05-01', '9', '4', ''], ['r2', '2024-05-02', '3', '2', '1']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', ratings: { ease: 'ease', price: 'price' } } } } });
    const first = await fx.run('out');
    // make the published night's database look like an earlier version's, and publish it as such
    const old = await openDatabase(join(first.nightDir, 'ecoute.duckdb'));
    await old.connection.run('DROP VIEW response_ratings');
    await old.connection.run('CREATE TABLE response_ratings (response_id VARCHAR, attribute VARCHAR, rating DOUBLE)');
    await old.connection.run("INSERT INTO response_ratings VALUES ('old', 'ease', 1)");
    old.close();
    await freezeNight(first.nightDir, { runId: first.runId, asOf: AS_OF });
    const notices: string[] = [];
    const result = await runPipeline({ pipelineFile: fx.pipelineFile, outDir: join(fx.dir, 'out'), asOf: AS_OF, log: (m) => notices.push(m) });
    expect(notices.filter((n) => /not reused/.test(n))).toEqual([]); // the earlier database was the starting point
    expect(await queryOut(result.outDir, "SELECT table_type FROM information_schema.tables WHERE table_name = 'response_ratings'")).toEqual([{ table_type: 'VIEW' }]);
    expect(await queryOut(result.outDir, 'SELECT response_id, attribute, rating FROM response_ratings ORDER BY ALL')).toEqual([
      { response_id: 'r1', attribute: 'ease', rating: 4 },
      { response_id: 'r2', attribute: 'ease', rating: 2 },
      { response_id: 'r2', attribute: 'price', rating: 1 },
    ]);
    expect(await queryOut(result.outDir, 'SELECT position, attribute FROM rating_attributes ORDER BY position')).toEqual([
      { position: 1, attribute: 'ease' },
      { position: 2, attribute: 'price' },
    ]);
  });
});

import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { runPipelineBounded } from '../../src/run/run-in-worker.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { openDatabase } from '../../src/db/open-database.ts';

const responses = [
  'id,date,nps,comment',
  '1,2024-05-02,9,"Great support, very quick"',
  '2,2024-05-03,3,"The invoice was wrong again"',
  '3,2024-05-04,7,"ok"',
  '4,2024-05-05,10,"Le support est top"',
].join('\n');

function pipelineYaml(classify: string): string {
  return `name: transformer_run
sources:
  responses:
    path: responses.csv
    columns: { response_id: id, submitted_at: date, nps: nps, verbatim: comment }
taxonomy:
  themes:
    - id: support
      labels: { en: Support, fr: Support }
      keywords: { en: [support], fr: [support] }
classify:
${classify}
`;
}

describe('a run with a model directory under models/', () => {
  let dir: string;
  let models: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecoute-transformer-run-'));
    models = join(dir, 'models');
    await writeTinyModel(join(models, 'tiny-sentiment'), 'sentiment');
    await writeTinyModel(join(models, 'broken-sentiment'), 'sentiment');
    const onnx = join(models, 'broken-sentiment', 'onnx');
    for (const f of readdirSync(onnx)) writeFileSync(join(onnx, f), Buffer.from('not an onnx graph'));
    writeFileSync(join(dir, 'responses.csv'), `${responses}\n`);
  }, 60_000);

  it('classifies the verbatims with the transformer engine and says so', async () => {
    writeFileSync(join(dir, 'p.yaml'), pipelineYaml('  sentiment: { engine: transformer, model: tiny-sentiment }'));
    const r = await runPipeline({ pipelineFile: join(dir, 'p.yaml'), outDir: join(dir, 'out'), asOf: '2024-06-01', modelsRoot: models });
    expect(r.summary.classification.engines.map((e) => e.engine)).toEqual(['transformer', 'embedded']);
    const db = await openDatabase(join(dir, 'out', 'ecoute.duckdb'));
    const rows = (await db.connection.runAndReadAll('SELECT DISTINCT engine, model FROM verbatim_sentiment')).getRowObjectsJson();
    db.close();
    expect(rows).toEqual([{ engine: 'transformer', model: 'tiny-sentiment' }]);
  });

  it('under settings.memory_limit the run, in a worker thread, loads the native runtime and classifies the same', async () => {
    writeFileSync(join(dir, 'bounded.yaml'), `${pipelineYaml('  sentiment: { engine: transformer, model: tiny-sentiment }')}settings:\n  memory_limit: 600MB\n`);
    const r = await runPipelineBounded({ pipelineFile: join(dir, 'bounded.yaml'), outDir: join(dir, 'out-bounded'), asOf: '2024-06-01', modelsRoot: models });
    expect(r.summary.classification.engines.map((e) => e.engine)).toEqual(['transformer', 'embedded']);
    const read = async (out: string): Promise<unknown[]> => {
      const db = await openDatabase(join(dir, out, 'ecoute.duckdb'));
      const rows = (await db.connection.runAndReadAll('SELECT * FROM verbatim_sentiment ORDER BY ALL')).getRowObjectsJson();
      db.close();
      return rows;
    };
    expect(await read('out-bounded')).toEqual(await read('out'));
  });

  it('stops on a broken model unless the pipeline allows the embedded fallback, and then says so', async () => {
    writeFileSync(join(dir, 'strict.yaml'), pipelineYaml('  sentiment: { engine: transformer, model: broken-sentiment }'));
    await expect(runPipeline({ pipelineFile: join(dir, 'strict.yaml'), outDir: join(dir, 'out-strict'), asOf: '2024-06-01', modelsRoot: models })).rejects.toThrow(/broken-sentiment/);
    writeFileSync(join(dir, 'lenient.yaml'), pipelineYaml('  sentiment: { engine: transformer, model: broken-sentiment, fallback: embedded }'));
    const r = await runPipeline({ pipelineFile: join(dir, 'lenient.yaml'), outDir: join(dir, 'out-lenient'), asOf: '2024-06-01', modelsRoot: models });
    expect(r.summary.classification.engines[0]?.engine).toBe('embedded');
    expect(r.summary.classification.notices.join('\n')).toMatch(/broken-sentiment.*continuing on the embedded default/);
  });
});

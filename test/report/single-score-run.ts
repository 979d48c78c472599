/**
 * A CSAT-only (or CES-only) program from the demo company, as a bank's survey export would give it: the
 * demo at scale 0.02 (seed 11), only the surveys that asked the kept score (the others would carry no
 * score at all), and a pipeline that maps that score and not NPS (nor the other score). Run through the
 * real pipeline (runPipeline): the published run is in <dir>/run.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { runPipeline, type RunResult } from '../../src/run/run-pipeline.ts';

export const SINGLE_SCORE_AS_OF = '2026-11-01';
const PIPELINE = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));
const COLUMN = { csat: 'CSAT', ces: 'CES' } as const;

/** Builds and runs the program whose only score is `score`; returns its folder and the run's result. */
export async function singleScoreRun(score: 'csat' | 'ces'): Promise<{ dir: string; result: RunResult }> {
  const dir = mkdtempSync(join(tmpdir(), `ecoute-${score}-only-`));
  const data = join(dir, 'demo-data');
  await generateDemo({ outDir: data, seed: 11, scale: 0.02 });
  for (const file of readdirSync(data).filter((f) => f.startsWith('responses-'))) {
    const [head, ...rows] = readFileSync(join(data, file), 'utf8').split('\n');
    const at = head!.split(',').indexOf(COLUMN[score]);
    // the score columns come before the first quoted field (the comment), so a plain split finds them
    writeFileSync(join(data, file), [head, ...rows.filter((r) => (r.split(',')[at] ?? '') !== '')].join('\n'));
  }
  const unmapped = (['nps', 'csat', 'ces'] as const).filter((m) => m !== score);
  let yaml = readFileSync(PIPELINE, 'utf8').replaceAll('../demo-data/', './demo-data/');
  for (const m of unmapped) yaml = yaml.replace(`\n      ${m}: ${m.toUpperCase()}\n`, '\n');
  // the responses source (before the accounts source) maps no other score (the benchmark panel keeps its NPS)
  const responses = yaml.slice(0, yaml.indexOf('\n  accounts:'));
  for (const m of unmapped) if (responses.includes(`\n      ${m}: `)) throw new Error(`the demo pipeline's responses still map ${m}`);
  writeFileSync(join(dir, 'demo.yaml'), yaml);
  const result = await runPipeline({ pipelineFile: join(dir, 'demo.yaml'), outDir: join(dir, 'run'), asOf: SINGLE_SCORE_AS_OF });
  return { dir, result };
}

/**
 * A CSAT-only (or CES-only) program from the demo company, as a bank's survey export would give it: the
 * demo at scale 0.02 (seed 11), only the surveys that asked the kept score (the others would carry no
 * score at all), and a pipeline that maps that score and not NPS (nor the other score). Run through the
 * real pipeline (runPipeline): the published run is in <dir>/run.
 *
 * The demo's CSAT and CES surveys carry no attribute ratings; with `plantedRatings` each kept answer gets
 * five ratings (1–5) with a known effect (PLANTED_DRIVERS): the first attribute follows the score closely,
 * the second loosely, the other three are uniform noise. The ratings are drawn given the answer, so the
 * score (and every theme figure) stays the demo's. A rating goes up with CSAT and down with CES (effort).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { runPipeline, type RunResult } from '../../src/run/run-pipeline.ts';
import { createRng, type Rng } from '../../src/util/random.ts';

export const SINGLE_SCORE_AS_OF = '2026-11-01';
const PIPELINE = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));
const COLUMN = { csat: 'CSAT', ces: 'CES' } as const;
const RATING_COLUMNS = ['Rating - Ease of use', 'Rating - Support', 'Rating - Value for money', 'Rating - Reliability', 'Rating - Onboarding'] as const;
/** the pipeline's attribute names of the planted strong and weak drivers, per score */
export const PLANTED_DRIVERS = { csat: { strong: 'support', weak: 'ease' }, ces: { strong: 'ease', weak: 'support' } } as const;
/** the answer's standardised position (−1 worst … +1 best), so ratings rise with satisfaction and fall with effort */
const GOODNESS = { csat: (v: number): number => (v - 3) / 2, ces: (v: number): number => (4 - v) / 3 } as const;

/** Five ratings of one answer: strong driver, weak driver, three noise attributes, in RATING_COLUMNS order. */
function plantRatings(rng: Rng, score: 'csat' | 'ces', answer: number): Record<string, number> {
  const g = GOODNESS[score](answer);
  const rating = (effect: number, sd: number): number => Math.min(5, Math.max(1, Math.round(3 + 2 * effect * g + sd * rng.normal())));
  const { strong, weak } = PLANTED_DRIVERS[score];
  const byAttribute: Record<string, number> = { [strong]: rating(0.9, 0.7), [weak]: rating(0.45, 0.9) };
  const attribute = (column: string): string => ({ 'Rating - Ease of use': 'ease', 'Rating - Support': 'support', 'Rating - Value for money': 'value', 'Rating - Reliability': 'reliability', 'Rating - Onboarding': 'onboarding' })[column] ?? column;
  return Object.fromEntries(RATING_COLUMNS.map((c) => [c, byAttribute[attribute(c)] ?? 1 + rng.int(5)]));
}

/** Builds and runs the program whose only score is `score`; returns its folder and the run's result. */
export async function singleScoreRun(score: 'csat' | 'ces', opts: { plantedRatings?: boolean } = {}): Promise<{ dir: string; result: RunResult }> {
  const dir = mkdtempSync(join(tmpdir(), `ecoute-${score}-only-`));
  const data = join(dir, 'demo-data');
  await generateDemo({ outDir: data, seed: 11, scale: 0.02 });
  for (const file of readdirSync(data).filter((f) => f.startsWith('responses-'))) {
    const [head, ...rows] = readFileSync(join(data, file), 'utf8').split('\n');
    const columns = head!.split(',');
    for (const c of RATING_COLUMNS) if (!columns.includes(c)) throw new Error(`${file} has no column ${c}`);
    const at = columns.indexOf(COLUMN[score]);
    // the score and rating columns come before the first quoted field (the comment), so a plain split finds them
    const kept = rows.filter((r) => (r.split(',')[at] ?? '') !== '');
    const rng = createRng(file.length * 31 + kept.length);
    const planted = opts.plantedRatings !== true ? kept : kept.map((r) => {
      const fields = r.split(',');
      const ratings = plantRatings(rng, score, Number(fields[at]));
      for (const c of RATING_COLUMNS) fields[columns.indexOf(c)] = String(ratings[c]);
      return fields.join(',');
    });
    writeFileSync(join(data, file), [head, ...planted].join('\n'));
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

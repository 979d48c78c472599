/**
 * A CSAT-only (or CES-only) program from the demo company, as a bank's survey export would give it: the
 * demo at scale 0.02 (seed 11), only the surveys that asked the kept score (the others would carry no
 * score at all), and a pipeline that maps that score and not NPS (nor the other score). Run through the
 * real pipeline (runPipeline): the published run is in <dir>/run.
 *
 * The demo writes CES as CES 2.0 (7 = very easy): `cesDirection: 'higher_is_easier'` (the default) keeps it and
 * declares it; `'lower_is_easier'` writes every CES answer reversed (8 − answer, so 1 = least effort) and declares
 * that, the same program on the CES 1.0 scale.
 *
 * The demo's CSAT and CES surveys carry no attribute ratings; with `plantedRatings` each kept answer gets
 * five ratings (1–5) with a known effect (PLANTED_DRIVERS): the first attribute follows the score closely,
 * the second loosely, the other three are uniform noise. The ratings are drawn given the answer, so the
 * score (and every theme figure) stays the demo's. A rating goes up with CSAT and with ease (down with effort):
 * both CES scales get the same ratings.
 *
 * The follow-ups file keeps the calls of the kept surveys (and those logged against an account only).
 * The CSV files are read with DuckDB (a quoted comment may hold commas or line breaks) and written back with
 * every field that needs it quoted.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { runPipeline, type RunResult } from '../../src/run/run-pipeline.ts';
import type { CesDirection } from '../../src/analyze/metrics/headline-metric.ts';
import { createRng, type Rng } from '../../src/util/random.ts';

export const SINGLE_SCORE_AS_OF = '2026-11-01';
const PIPELINE = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));
const COLUMN = { csat: 'CSAT', ces: 'CES' } as const;
const RATING_COLUMNS = ['Rating - Ease of use', 'Rating - Support', 'Rating - Value for money', 'Rating - Reliability', 'Rating - Onboarding'] as const;
/** the pipeline's attribute names of the planted strong and weak drivers, per score */
export const PLANTED_DRIVERS = { csat: { strong: 'support', weak: 'ease' }, ces: { strong: 'ease', weak: 'support' } } as const;
/** the answer's standardised position (−1 worst … +1 best), so ratings rise with satisfaction and ease, fall with effort */
const GOODNESS = {
  csat: (v: number): number => (v - 3) / 2,
  ces_higher_is_easier: (v: number): number => (v - 4) / 3,
  ces_lower_is_easier: (v: number): number => (4 - v) / 3,
} as const;

/** Five ratings of one answer: strong driver, weak driver, three noise attributes, in RATING_COLUMNS order. */
function plantRatings(rng: Rng, score: 'csat' | 'ces', goodness: number): Record<string, number> {
  const rating = (effect: number, sd: number): number => Math.min(5, Math.max(1, Math.round(3 + 2 * effect * goodness + sd * rng.normal())));
  const { strong, weak } = PLANTED_DRIVERS[score];
  const byAttribute: Record<string, number> = { [strong]: rating(0.9, 0.7), [weak]: rating(0.45, 0.9) };
  const attribute = (column: string): string => ({ 'Rating - Ease of use': 'ease', 'Rating - Support': 'support', 'Rating - Value for money': 'value', 'Rating - Reliability': 'reliability', 'Rating - Onboarding': 'onboarding' })[column] ?? column;
  return Object.fromEntries(RATING_COLUMNS.map((c) => [c, byAttribute[attribute(c)] ?? 1 + rng.int(5)]));
}

/** A CSV file's header and rows, every field as text ('' for an empty one), read by DuckDB's CSV reader. */
async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const db = await openDatabase();
  try {
    const reader = await db.connection.runAndReadAll("SELECT * FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')", { path });
    return { header: reader.columnNames(), rows: reader.getRows().map((r) => r.map((v) => (v === null ? '' : String(v)))) };
  } finally {
    db.close();
  }
}

/** RFC 4180 text of a table: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvOf(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** A CES answer on the reversed scale (8 − answer); anything but a whole number 1–7 is left as it is (quarantined as read). */
const reversedCes = (v: string): string => (/^[1-7]$/.test(v.trim()) ? String(8 - Number(v)) : v);

/**
 * Builds and runs the program whose only score is `score`; returns its folder and the run's result.
 * `cesDirection` (CES only): the scale the program's CES answers are written on and that its pipeline declares.
 */
export async function singleScoreRun(
  score: 'csat' | 'ces',
  opts: { plantedRatings?: boolean; cesDirection?: CesDirection } = {},
): Promise<{ dir: string; result: RunResult }> {
  const direction = opts.cesDirection ?? 'higher_is_easier';
  const dir = mkdtempSync(join(tmpdir(), `ecoute-${score}-only-`));
  const data = join(dir, 'demo-data');
  await generateDemo({ outDir: data, seed: 11, scale: 0.02 });
  const goodness = score === 'csat' ? GOODNESS.csat : GOODNESS[`ces_${direction}`];
  const keptIds = new Set<string>();
  for (const file of readdirSync(data).filter((f) => f.startsWith('responses-'))) {
    const { header, rows } = await readCsv(join(data, file));
    for (const c of RATING_COLUMNS) if (!header.includes(c)) throw new Error(`${file} has no column ${c}`);
    const at = header.indexOf(COLUMN[score]);
    const kept = rows.filter((r) => (r[at] ?? '') !== '')
      .map((r) => (score === 'ces' && direction === 'lower_is_easier' ? r.map((v, i) => (i === at ? reversedCes(v) : v)) : r));
    const rng = createRng(file.length * 31 + kept.length);
    const planted = opts.plantedRatings !== true ? kept : kept.map((r) => {
      const ratings = plantRatings(rng, score, goodness(Number(r[at])));
      return r.map((v, i) => (RATING_COLUMNS.includes(header[i] as (typeof RATING_COLUMNS)[number]) ? String(ratings[header[i]!]) : v));
    });
    const id = header.indexOf('Response ID');
    for (const r of kept) keptIds.add(r[id] ?? '');
    writeFileSync(join(data, file), csvOf(header, planted));
  }
  // the follow-ups of the surveys kept: a call-back logged against a dropped survey has no response to close
  const followups = await readCsv(join(data, 'followups.csv'));
  const followupResponse = followups.header.indexOf('Response ID');
  writeFileSync(join(data, 'followups.csv'), csvOf(followups.header, followups.rows.filter((r) => (r[followupResponse] ?? '') === '' || keptIds.has(r[followupResponse]!))));
  const unmapped = (['nps', 'csat', 'ces'] as const).filter((m) => m !== score);
  let yaml = readFileSync(PIPELINE, 'utf8').replaceAll('../demo-data/', './demo-data/');
  for (const m of unmapped) yaml = yaml.replace(`\n      ${m}: ${m.toUpperCase()}\n`, '\n');
  // the responses source (before the accounts source) maps no other score (the benchmark panel keeps its NPS)
  const responses = yaml.slice(0, yaml.indexOf('\n  accounts:'));
  for (const m of unmapped) if (responses.includes(`\n      ${m}: `)) throw new Error(`the demo pipeline's responses still map ${m}`);
  if (!responses.includes('\n    ces_direction: higher_is_easier\n')) throw new Error("the demo pipeline's responses do not declare ces_direction: higher_is_easier");
  yaml = yaml.replace('\n    ces_direction: higher_is_easier\n', `\n    ces_direction: ${direction}\n`);
  writeFileSync(join(dir, 'demo.yaml'), yaml);
  const result = await runPipeline({ pipelineFile: join(dir, 'demo.yaml'), outDir: join(dir, 'run'), asOf: SINGLE_SCORE_AS_OF });
  return { dir, result };
}

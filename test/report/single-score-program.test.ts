/**
 * A CSAT-only and a CES-only program (the demo's surveys that asked that score, NPS not mapped) get a full
 * run: breakdowns, theme impact and key drivers on their own score, a report that leads with it and names
 * it, and no chart omitted without a reason. Figures are checked against the run's accepted responses,
 * recomputed here in plain SQL (not from metric_cells). Key drivers run on generated attribute ratings with
 * a planted effect (single-score-run.ts, PLANTED_DRIVERS): the ranking and the direction of the effect are
 * checked on CSAT and on CES. (Issue 11, item 4.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { REPORT_MESSAGES } from '../../src/report/executive/report-messages.ts';
import type { RunResult } from '../../src/run/run-pipeline.ts';
import { PLANTED_DRIVERS, singleScoreRun } from './single-score-run.ts';

interface SpecRow { readonly [k: string]: string | number | boolean | null }
const spec = (run: string, id: string): { title: { text: string; subtitle?: string }; data: { values: SpecRow[] } } =>
  JSON.parse(readFileSync(join(run, 'current', 'specs', 'en', `${id}.vl.json`), 'utf8'));
const report = (run: string, lang: 'en' | 'fr'): string => readFileSync(join(run, 'current', 'report', `report-${lang}.md`), 'utf8');

/** A figure per segment from the accepted responses (SQL over responses × accounts, not the metric cells). */
async function perSegment(run: string, expr: string, column: 'csat' | 'ces'): Promise<Map<string, { value: number; n: number }>> {
  const db = await openDatabase(join(run, 'ecoute.duckdb'), { readOnly: true });
  try {
    const reader = await db.connection.runAndReadAll(
      `SELECT a.segment, ${expr} AS value, count(*)::INTEGER AS n FROM responses r JOIN accounts a USING (account_id)
       WHERE r.${column} IS NOT NULL AND NOT coalesce(r.survey_type = 'employee', false) GROUP BY a.segment`,
    );
    return new Map(reader.getRowObjectsJson().map((r) => [String(r.segment), { value: Number(r.value), n: Number(r.n) }]));
  } finally {
    db.close();
  }
}

/** Rows of a table of the run's database. */
async function query(run: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await openDatabase(join(run, 'ecoute.duckdb'), { readOnly: true });
  try {
    return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** The planted strong driver ranks first and the weak one second, both above noise; a poor rating of the strong one makes the score worse (Kano penalty > 0). */
async function expectPlantedDrivers(run: string, score: 'csat' | 'ces'): Promise<void> {
  const weights = await query(run, "SELECT attribute, importance_rank, significant, share_pct FROM driver_weights WHERE method = 'relative-weights' AND status = 'analysed' ORDER BY importance_rank");
  expect(weights.length).toBe(5);
  expect(weights.slice(0, 2).map((w) => w.attribute)).toEqual([PLANTED_DRIVERS[score].strong, PLANTED_DRIVERS[score].weak]);
  expect(weights.slice(0, 2).every((w) => w.significant === true)).toBe(true);
  expect(Number(weights[0]!.share_pct)).toBeGreaterThan(50);
  for (const noise of weights.slice(2)) expect(Number(noise.share_pct)).toBeLessThan(5);
  // penalty-reward on the score: for CES the outcome is −CES, so a penalty is the effort a poor rating adds
  const [kano] = await query(run, `SELECT penalty, penalty_ci_low, nps_bottom, nps_top FROM kano_attributes WHERE attribute = '${PLANTED_DRIVERS[score].strong}'`);
  expect(Number(kano!.penalty_ci_low)).toBeGreaterThan(0);
  if (score === 'ces') expect(Number(kano!.nps_bottom)).toBeGreaterThan(Number(kano!.nps_top));
  else expect(Number(kano!.nps_bottom)).toBeLessThan(Number(kano!.nps_top));
  const quadrant = spec(run, 'driver-quadrant');
  expect(quadrant.data.values.map((r) => r.driver).sort()).toEqual(weights.map((w) => w.attribute).sort());
  expect(JSON.stringify(quadrant)).not.toMatch(/NPS/);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a CSAT-only program', () => {
  let run: string;
  let result: RunResult;
  beforeAll(async () => {
    const built = await singleScoreRun('csat');
    dirs.push(built.dir);
    run = join(built.dir, 'run');
    result = built.result;
  }, 120_000);

  it('draws its breakdowns on CSAT, with the shares of its accepted answers', async () => {
    expect(result.summary.metrics.headlineMetric).toBe('csat');
    const expected = await perSegment(run, '100 * avg((r.csat >= 4)::INTEGER)', 'csat');
    const bySegment = spec(run, 'csat-by-segment');
    expect(bySegment.title.text).toBe('CSAT by segment');
    expect(JSON.stringify(bySegment)).not.toMatch(/NPS/);
    expect(bySegment.data.values.length).toBe(expected.size);
    for (const row of bySegment.data.values) {
      const e = expected.get(String(row.group))!;
      expect(row.n).toBe(e.n);
      expect(row.score as number).toBeCloseTo(e.value, 2);
      expect(row.ci_low as number).toBeLessThan(row.score as number);
      expect(row.ci_high as number).toBeGreaterThan(row.score as number);
    }
    for (const id of ['csat-by-region', 'csat-by-journey-stage', 'csat-by-owner']) expect(spec(run, id).data.values.length).toBeGreaterThan(0);
    const omitted = result.summary.visuals?.omitted ?? [];
    expect(omitted.map((o) => o.id)).not.toContain('csat-by-segment');
    for (const o of omitted) expect(o.reason.length).toBeGreaterThan(10);
    // the demo's CSAT surveys carry no attribute ratings: the key-driver chart says so, not "no rows in driver_weights"
    expect(omitted.find((o) => o.id === 'driver-quadrant')?.reason).toBe('no attribute ratings in this run');
  });

  it('estimates theme impact on CSAT, counts the negative mentions and names CSAT in the drivers', async () => {
    const d = result.summary.drivers;
    expect(d.metric).toBe('csat');
    expect(d.skipped.map((s) => s.analysis)).not.toContain('theme_impact');
    const impact = spec(run, 'theme-impact');
    expect(impact.title.text).toBe('Theme impact on CSAT');
    expect(JSON.stringify(impact)).not.toMatch(/NPS/);
    const db = await openDatabase(join(run, 'ecoute.duckdb'), { readOnly: true });
    try {
      // CSAT of everyone in theme_impact = the share of satisfied answers over the analysed responses
      const [all] = (await db.connection.runAndReadAll(
        `SELECT (SELECT any_value(nps_all) FROM theme_impact WHERE dimension = 'overall') AS csat_all,
           (SELECT 100 * avg((csat >= 4)::INTEGER) FROM responses WHERE csat IS NOT NULL AND submitted_at < DATE '2026-11-02') AS expected,
           (SELECT sum(negative_mentions)::INTEGER FROM dissatisfier_ranking) AS ranked_mentions,
           (SELECT count(DISTINCT (response_id, theme_id))::INTEGER FROM theme_mentions WHERE sentiment_label = 'negative') AS negative_mentions`,
      )).getRowObjectsJson();
      expect(Number(all!.csat_all)).toBeCloseTo(Number(all!.expected), 9);
      // the dissatisfier table counts the negative mentions of the CSAT answers (it used to say 0 without NPS)
      expect(Number(all!.ranked_mentions)).toBeGreaterThan(0);
      expect(Number(all!.ranked_mentions)).toBe(Number(all!.negative_mentions));
    } finally {
      db.close();
    }
    // the demo plants slow support answers among the strongest dissatisfiers: it comes out as a CSAT driver
    expect(d.npsDrivers.map((x) => x.themeId)).toContain('support_responsiveness');
    for (const x of d.npsDrivers) expect(x.high).toBeLessThan(0);
  });

  it('leads its report with CSAT and names CSAT in its drivers, never NPS', () => {
    const en = report(run, 'en');
    const headline = en.slice(en.indexOf('## Headline'), en.indexOf('## Revenue dissatisfiers'));
    expect(headline).toMatch(/^CSAT \(share of 4–5 answers on 1–5\) [0-9.]+ % ± /m);
    expect(en).not.toContain('No complete period');
    expect(en).toContain(`## ${REPORT_MESSAGES.en.npsDrivers('CSAT')}`);
    expect(en).toMatch(/Impact of negative mentions on CSAT: -[0-9.]+ points/);
    expect(en).toContain('](svg-en/theme-impact.svg)');
    expect(en).toMatch(/— CSAT [1-5] · /);
    // NPS is named only by the benchmark panel (an NPS survey of the market) and the omitted NPS trend
    const outsideBenchmark = en.slice(0, en.indexOf('## How we compare')) + en.slice(en.indexOf('## Data, sample sizes'));
    expect(outsideBenchmark.replace('nps-trend: no NPS answers in this run', '')).not.toMatch(/NPS/);
    expect(report(run, 'fr')).toContain(`## ${REPORT_MESSAGES.fr.npsDrivers('CSAT')}`);
  });
});

describe('a CSAT-only program with attribute ratings', () => {
  let run: string;
  beforeAll(async () => {
    const built = await singleScoreRun('csat', { plantedRatings: true });
    dirs.push(built.dir);
    run = join(built.dir, 'run');
    expect(built.result.summary.drivers.keyDrivers?.responses).toBeGreaterThan(500);
  }, 120_000);

  it('ranks the planted drivers of CSAT first, a poor rating lowering CSAT', async () => {
    await expectPlantedDrivers(run, 'csat');
  });
});

describe('a CES-only program', () => {
  let run: string;
  let result: RunResult;
  beforeAll(async () => {
    const built = await singleScoreRun('ces', { plantedRatings: true });
    dirs.push(built.dir);
    run = join(built.dir, 'run');
    result = built.result;
  }, 120_000);

  it('draws its breakdowns on the mean effort and leads its report with CES', async () => {
    expect(result.summary.metrics.headlineMetric).toBe('ces');
    const expected = await perSegment(run, 'avg(r.ces)', 'ces');
    const bySegment = spec(run, 'ces-by-segment');
    expect(bySegment.title.text).toBe('CES by segment');
    for (const row of bySegment.data.values) expect(row.score as number).toBeCloseTo(expected.get(String(row.group))!.value, 2);
    const en = report(run, 'en');
    expect(en.slice(en.indexOf('## Headline'))).toMatch(/^CES \(mean effort on 1–7, lower is easier\) [0-9.]+ ± /m);
    expect(en).not.toContain('No complete period');
  });

  it('estimates theme impact on CES: mean effort of everyone minus that of the responses without a negative mention, by account bootstrap', async () => {
    const d = result.summary.drivers;
    expect(d.metric).toBe('ces');
    expect(d.skipped.map((x) => x.analysis)).not.toContain('theme_impact');
    // independent: the mean CES with and without a negative mention of each theme, from responses × theme_mentions
    const expected = await query(run, `
      WITH r AS (SELECT response_id, ces FROM responses WHERE ces IS NOT NULL AND NOT coalesce(survey_type = 'employee', false) AND submitted_at < DATE '2026-11-02'),
      m AS (SELECT DISTINCT response_id, theme_id FROM theme_mentions WHERE sentiment_label = 'negative'),
      t AS (SELECT DISTINCT theme_id FROM m)
      SELECT t.theme_id, (SELECT avg(ces) FROM r) AS ces_all,
        (SELECT avg(ces) FROM r WHERE response_id NOT IN (SELECT response_id FROM m WHERE m.theme_id = t.theme_id)) AS ces_without,
        (SELECT count(*) FROM r WHERE response_id IN (SELECT response_id FROM m WHERE m.theme_id = t.theme_id))::INTEGER AS n_with
      FROM t`);
    const rows = await query(run, "SELECT theme_id, impact, impact_ci_low, impact_ci_high, q_value, n_with, nps_all, nps_without, rank_by_impact, resampled_clusters FROM theme_impact WHERE dimension = 'overall' AND sentiment = 'negative'");
    expect(expected.length).toBeGreaterThan(3);
    for (const e of expected) {
      const row = rows.find((r) => r.theme_id === e.theme_id)!;
      expect(Number(row.n_with)).toBe(Number(e.n_with));
      expect(Number(row.nps_all)).toBeCloseTo(Number(e.ces_all), 9);
      expect(Number(row.impact)).toBeCloseTo(Number(e.ces_all) - Number(e.ces_without), 9);
      expect(Number(row.impact_ci_low)).toBeLessThanOrEqual(Number(row.impact));
      expect(Number(row.impact_ci_high)).toBeGreaterThanOrEqual(Number(row.impact));
      expect(Number(row.q_value)).toBeGreaterThanOrEqual(0);
      expect(Number(row.resampled_clusters)).toBeGreaterThan(100);
    }
    // rank 1 = the theme adding the most effort (the largest impact); drivers: interval above zero, most effort first
    const first = rows.find((r) => Number(r.rank_by_impact) === 1)!;
    expect(Number(first.impact)).toBe(Math.max(...rows.map((r) => Number(r.impact))));
    for (const x of d.npsDrivers) expect(x.low).toBeGreaterThan(0);
    const reliable = rows.filter((r) => Number(r.impact_ci_low) > 0 && Number(r.q_value) < 0.05).map((r) => r.theme_id).sort();
    expect(d.npsDrivers.map((x) => x.themeId).sort()).toEqual(reliable.slice(0, 5));
    expect(d.npsDrivers.map((x) => x.impact)).toEqual([...d.npsDrivers.map((x) => x.impact)].sort((a, b) => b - a));
    const impact = spec(run, 'theme-impact');
    expect(impact.title.text).toBe('Theme impact on CES');
    expect(JSON.stringify(impact)).toContain("datum.impact > 0 ? 'cost' : 'gain'");
    const en = report(run, 'en');
    // the drivers' section (shown beside the revenue ranking) reads in the direction of effort
    expect(en).not.toMatch(/reliably lower CES/);
    if (en.includes(`## ${REPORT_MESSAGES.en.npsDrivers('CES')}`)) {
      // the Markdown report escapes '<' (q &lt; 0.05)
      const md = (text: string): string => text.replaceAll('<', '&lt;');
      expect(en).toContain(md(d.npsDrivers.length > 0 ? REPORT_MESSAGES.en.effortDriversIntro('0.05') : REPORT_MESSAGES.en.noEffortDrivers('0.05')));
      expect(report(run, 'fr')).toContain(md(d.npsDrivers.length > 0 ? REPORT_MESSAGES.fr.effortDriversIntro('0,05') : REPORT_MESSAGES.fr.noEffortDrivers('0,05')));
    }
    if (en.includes('Impact of negative mentions on CES')) expect(en).toMatch(/Impact of negative mentions on CES: [+-]?[0-9.]+ on the 1–7 effort scale \(above zero: more effort\) \(95 % CI /);
  });

  it('ranks the planted drivers of CES first, a poor rating adding effort', async () => {
    expect(result.summary.drivers.keyDrivers?.responses).toBeGreaterThan(200);
    await expectPlantedDrivers(run, 'ces');
  });
});

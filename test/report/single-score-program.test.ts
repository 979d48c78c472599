/**
 * A CSAT-only and a CES-only program (the demo's surveys that asked that score, NPS not mapped) get a full
 * run: breakdowns, theme impact and key drivers on their own score, a report that leads with it and names
 * it, and no chart omitted without a reason. Figures are checked against the run's accepted responses,
 * recomputed here in plain SQL (not from metric_cells). Key drivers run on generated attribute ratings with
 * a planted effect (single-score-run.ts, PLANTED_DRIVERS): the ranking and the direction of the effect are
 * checked on CSAT and on CES. The CES program runs on the demo's CES 2.0 scale (7 = very easy, ces_direction:
 * higher_is_easier) and on a reversed copy (8 − answer, lower_is_easier): the same themes come out, their impact
 * mirrored, and every text names the direction. (Issue 11, item 4.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { REPORT_MESSAGES } from '../../src/report/executive/report-messages.ts';
import type { RunResult } from '../../src/run/run-pipeline.ts';
import { CES_DIRECTIONS, type CesDirection } from '../../src/analyze/metrics/headline-metric.ts';
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
async function expectPlantedDrivers(run: string, score: 'csat' | 'ces', ces: CesDirection = 'higher_is_easier'): Promise<void> {
  const weights = await query(run, "SELECT attribute, importance_rank, significant, share_pct FROM driver_weights WHERE method = 'relative-weights' AND status = 'analysed' ORDER BY importance_rank");
  expect(weights.length).toBe(5);
  expect(weights.slice(0, 2).map((w) => w.attribute)).toEqual([PLANTED_DRIVERS[score].strong, PLANTED_DRIVERS[score].weak]);
  expect(weights.slice(0, 2).every((w) => w.significant === true)).toBe(true);
  expect(Number(weights[0]!.share_pct)).toBeGreaterThan(50);
  for (const noise of weights.slice(2)) expect(Number(noise.share_pct)).toBeLessThan(5);
  // penalty-reward on the score: for CES read as effort the outcome is −CES, so a penalty is the effort a poor rating adds
  const [kano] = await query(run, `SELECT penalty, penalty_ci_low, nps_bottom, nps_top FROM kano_attributes WHERE attribute = '${PLANTED_DRIVERS[score].strong}'`);
  expect(Number(kano!.penalty_ci_low)).toBeGreaterThan(0);
  if (score === 'ces' && ces === 'lower_is_easier') expect(Number(kano!.nps_bottom)).toBeGreaterThan(Number(kano!.nps_top));
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

/** What each CES direction reads: its words, and which side of zero a theme that makes CES worse lies on. */
const CES_READING = {
  higher_is_easier: { name: 'CES (ease on 1–7, higher is easier)', unit: 'on the 1–7 ease scale (below zero: less ease)', worse: -1, intro: REPORT_MESSAGES.en.easeDriversIntro, none: REPORT_MESSAGES.en.noEaseDrivers, introFr: REPORT_MESSAGES.fr.easeDriversIntro, noneFr: REPORT_MESSAGES.fr.noEaseDrivers },
  lower_is_easier: { name: 'CES (effort on 1–7, lower is easier)', unit: 'on the 1–7 effort scale (above zero: more effort)', worse: 1, intro: REPORT_MESSAGES.en.effortDriversIntro, none: REPORT_MESSAGES.en.noEffortDrivers, introFr: REPORT_MESSAGES.fr.effortDriversIntro, noneFr: REPORT_MESSAGES.fr.noEffortDrivers },
} as const;
/**
 * the demo's CES follows its latent ease of use and support (src/demo/nps-model.ts computeCes): slow support costs
 * ease (at scale 0.02 the only theme mentioned often enough to be reliable; ease_of_use has a handful of mentions)
 */
const PLANTED_CES_THEMES = ['support_responsiveness'] as const;

const THEME_IMPACT_SQL = "SELECT theme_id, impact, impact_ci_low, impact_ci_high, q_value, p_value, n_with, nps_all, nps_without, rank_by_impact, resampled_clusters FROM theme_impact WHERE dimension = 'overall' AND sentiment = 'negative' ORDER BY theme_id";

describe('a CES-only program, on either CES scale', () => {
  const runs = new Map<CesDirection, { run: string; result: RunResult }>();
  beforeAll(async () => {
    for (const direction of CES_DIRECTIONS) {
      const built = await singleScoreRun('ces', { plantedRatings: true, cesDirection: direction });
      dirs.push(built.dir);
      runs.set(direction, { run: join(built.dir, 'run'), result: built.result });
    }
  }, 300_000);

  for (const direction of CES_DIRECTIONS) {
    const reading = CES_READING[direction];

    it(`${direction}: draws its breakdowns on the mean CES, records the direction and names it in the report's headline`, async () => {
      const { run, result } = runs.get(direction)!;
      expect(result.summary.metrics.headlineMetric).toBe('ces');
      expect(result.summary.cesDirection).toBe(direction);
      expect(JSON.parse(readFileSync(join(run, 'current', 'run-summary.json'), 'utf8')).cesDirection).toBe(direction);
      const expected = await perSegment(run, 'avg(r.ces)', 'ces');
      const bySegment = spec(run, 'ces-by-segment');
      expect(bySegment.title.text).toBe('CES by segment');
      expect(JSON.stringify(bySegment.title)).toContain(reading.name);
      for (const row of bySegment.data.values) expect(row.score as number).toBeCloseTo(expected.get(String(row.group))!.value, 2);
      const en = report(run, 'en');
      expect(en.slice(en.indexOf('## Headline'))).toMatch(new RegExp(`^${reading.name.replace(/[()]/g, '\\$&')} [0-9.]+ ± `, 'm'));
      expect(en).not.toContain(CES_READING[direction === 'higher_is_easier' ? 'lower_is_easier' : 'higher_is_easier'].name);
      expect(en).not.toContain('No complete period');
    });

    it(`${direction}: estimates theme impact on CES (mean of everyone minus that without a negative mention, by account bootstrap) and names the themes that make CES worse`, async () => {
      const { run, result } = runs.get(direction)!;
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
      const rows = await query(run, THEME_IMPACT_SQL);
      expect(expected.length).toBeGreaterThan(3);
      for (const e of expected) {
        const row = rows.find((r) => r.theme_id === e.theme_id)!;
        expect(Number(row.n_with)).toBe(Number(e.n_with));
        expect(Number(row.nps_all)).toBeCloseTo(Number(e.ces_all), 9);
        expect(Number(row.impact)).toBeCloseTo(Number(e.ces_all) - Number(e.ces_without), 9);
        expect(Number(row.impact_ci_low)).toBeLessThanOrEqual(Number(row.impact));
        expect(Number(row.impact_ci_high)).toBeGreaterThanOrEqual(Number(row.impact));
        expect(Number(row.resampled_clusters)).toBeGreaterThan(100);
      }
      // rank 1 = the theme that makes CES worst; drivers: interval on the worse side of zero, worst first
      const first = rows.find((r) => Number(r.rank_by_impact) === 1)!;
      expect(reading.worse * Number(first.impact)).toBe(Math.max(...rows.map((r) => reading.worse * Number(r.impact))));
      for (const x of d.npsDrivers) expect(reading.worse === 1 ? x.low : -x.high).toBeGreaterThan(0);
      const reliable = rows.filter((r) => (reading.worse === 1 ? Number(r.impact_ci_low) > 0 : Number(r.impact_ci_high) < 0) && Number(r.q_value) < 0.05);
      const worstFirst = reliable.sort((a, b) => reading.worse * (Number(b.impact) - Number(a.impact))).map((r) => r.theme_id);
      expect(d.npsDrivers.map((x) => x.themeId)).toEqual(worstFirst.slice(0, 5));
      // the demo's planted themes come out as CES drivers, making CES worse (lowering ease / adding effort)
      for (const theme of PLANTED_CES_THEMES) {
        const driver = d.npsDrivers.find((x) => x.themeId === theme);
        expect(driver, theme).toBeDefined();
        expect(Math.sign(driver!.impact)).toBe(reading.worse);
      }
      const impact = spec(run, 'theme-impact');
      expect(impact.title.text).toBe('Theme impact on CES');
      expect(JSON.stringify(impact)).toContain(`datum.impact ${reading.worse === 1 ? '>' : '<'} 0 ? 'cost' : 'gain'`);
      const en = report(run, 'en');
      expect(en).not.toMatch(/reliably lower CES/);
      expect(en).toContain(`## ${REPORT_MESSAGES.en.npsDrivers('CES')}`);
      // the Markdown report escapes '<' (q &lt; 0.05)
      const md = (text: string): string => text.replaceAll('<', '&lt;');
      expect(en).toContain(md(d.npsDrivers.length > 0 ? reading.intro('0.05') : reading.none('0.05')));
      expect(report(run, 'fr')).toContain(md(d.npsDrivers.length > 0 ? reading.introFr('0,05') : reading.noneFr('0,05')));
      const sign = reading.worse === 1 ? '\\+' : '-';
      expect(en).toMatch(new RegExp(`Impact of negative mentions on CES: ${sign}[0-9.]+ ${reading.unit.replace(/[()]/g, '\\$&')} \\(95 % CI `));
    });

    it(`${direction}: ranks the planted drivers of CES first, a poor rating making CES worse`, async () => {
      const { run, result } = runs.get(direction)!;
      expect(result.summary.drivers.keyDrivers?.responses).toBeGreaterThan(200);
      await expectPlantedDrivers(run, 'ces', direction);
    });
  }

  it('the reversed scale gives the same themes in the same order, every impact and interval mirrored', async () => {
    const ease = runs.get('higher_is_easier')!;
    const effort = runs.get('lower_is_easier')!;
    const a = await query(ease.run, THEME_IMPACT_SQL);
    const b = await query(effort.run, THEME_IMPACT_SQL);
    expect(b.map((r) => r.theme_id)).toEqual(a.map((r) => r.theme_id));
    a.forEach((x, i) => {
      const y = b[i]!;
      expect(Number(y.n_with)).toBe(Number(x.n_with));
      expect(Number(y.nps_all)).toBeCloseTo(8 - Number(x.nps_all), 9);
      expect(Number(y.impact)).toBeCloseTo(-Number(x.impact), 9);
      expect(Number(y.impact_ci_low)).toBeCloseTo(-Number(x.impact_ci_high), 9);
      expect(Number(y.impact_ci_high)).toBeCloseTo(-Number(x.impact_ci_low), 9);
      expect(Number(y.q_value)).toBeCloseTo(Number(x.q_value), 9);
      if (Number(x.n_with) > 0) expect(Number(y.rank_by_impact), String(x.theme_id)).toBe(Number(x.rank_by_impact));
    });
    const drivers = (r: RunResult) => r.summary.drivers.npsDrivers.map((x) => ({ themeId: x.themeId, impact: x.impact, revenueLink: x.revenueLink }));
    const mirrored = drivers(effort.result).map((x) => ({ ...x, impact: -x.impact }));
    expect(mirrored.map((x) => x.themeId)).toEqual(drivers(ease.result).map((x) => x.themeId));
    mirrored.forEach((x, i) => expect(x.impact).toBeCloseTo(drivers(ease.result)[i]!.impact, 9));
    expect(drivers(ease.result).length).toBeGreaterThanOrEqual(PLANTED_CES_THEMES.length);
    // the key drivers are the same: the ratings were drawn for the same ease either way
    const weights = "SELECT attribute, importance_rank, share_pct FROM driver_weights WHERE method = 'relative-weights' ORDER BY attribute";
    const wa = await query(ease.run, weights);
    const wb = await query(effort.run, weights);
    expect(wb.map((w) => [w.attribute, w.importance_rank])).toEqual(wa.map((w) => [w.attribute, w.importance_rank]));
    wa.forEach((w, i) => expect(Number(wb[i]!.share_pct)).toBeCloseTo(Number(w.share_pct), 6));
  });
});

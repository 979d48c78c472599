/**
 * A CSAT-only and a CES-only program (the demo's surveys that asked that score, NPS not mapped) get a full
 * run: breakdowns, theme impact and key drivers on their own score, a report that leads with it and names
 * it, and no chart omitted without a reason. Figures are checked against the run's accepted responses,
 * recomputed here in plain SQL (not from metric_cells). (Issue 11, item 4.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { driversMessages } from '../../src/analyze/drivers/drivers-messages.ts';
import { REPORT_MESSAGES } from '../../src/report/executive/report-messages.ts';
import type { RunResult } from '../../src/run/run-pipeline.ts';
import { singleScoreRun } from './single-score-run.ts';

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

describe('a CES-only program', () => {
  let run: string;
  let result: RunResult;
  beforeAll(async () => {
    const built = await singleScoreRun('ces');
    dirs.push(built.dir);
    run = join(built.dir, 'run');
    result = built.result;
  }, 120_000);

  it('draws its breakdowns on the mean effort and says why theme impact is not estimated', async () => {
    expect(result.summary.metrics.headlineMetric).toBe('ces');
    const expected = await perSegment(run, 'avg(r.ces)', 'ces');
    const bySegment = spec(run, 'ces-by-segment');
    expect(bySegment.title.text).toBe('CES by segment');
    for (const row of bySegment.data.values) expect(row.score as number).toBeCloseTo(expected.get(String(row.group))!.value, 2);
    const d = result.summary.drivers;
    expect(d.metric).toBe('ces');
    expect(d.skipped).toContainEqual({ analysis: 'theme_impact', reason: driversMessages.cesThemeImpact() });
    const en = report(run, 'en');
    expect(en.slice(en.indexOf('## Headline'))).toMatch(/^CES \(mean effort on 1–7, lower is easier\) [0-9.]+ ± /m);
    expect(en).toContain(REPORT_MESSAGES.en.noCesThemeImpact);
    expect(en).not.toContain('No complete period');
    expect(result.summary.visuals?.omitted.find((o) => o.id === 'theme-impact')?.reason).toBeTruthy();
  });
});

/**
 * A CSAT-only program (and a CES-only one) leads with its own score: run summary, CLI summary and the
 * report's Headline section, with figures computed by hand here; an NPS program keeps NPS first and lists
 * its other scores. (Issue 11, item 4: the bank export with CSAT only used to say "No complete period with
 * NPS answers".)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixture, csvText, type Fixture } from '../ingest/helpers.ts';
import { formatRun } from '../../src/cli/format-run.ts';
import { headlineMetricOf, scoreReading, worseDirection } from '../../src/analyze/metrics/headline-metric.ts';
import { runCesDirection, runSummarySchema } from '../../src/charts/open-run.ts';
import { responsesSourceSchema } from '../../src/config/pipeline-schema.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

/** 48 answers over Q1 and Q2 2024, 8 accounts; score i: a fixed pattern so the shares are known. */
function answers(score: (i: number) => number): string[][] {
  return Array.from({ length: 48 }, (_, i) => {
    const month = 1 + (i % 6);
    return [`r${i + 1}`, `c${i + 1}`, `a${1 + (i % 8)}`, `2024-0${month}-1${i % 9}`, String(score(i)), i % 4 === 0 ? 'The invoice was wrong again' : ''];
  });
}

const report = (outDir: string, lang: 'en' | 'fr'): string => readFileSync(join(outDir, 'current', 'report', `report-${lang}.md`), 'utf8');

describe('the headline score of a program', () => {
  it('headlineMetricOf: NPS first, else CSAT, else CES; cells without answers do not count', () => {
    expect(headlineMetricOf({ nps: { n: 3 }, csat: { n: 9 } })).toBe('nps');
    expect(headlineMetricOf({ nps: { n: 0 }, csat: { n: 9 }, ces: { n: 1 } })).toBe('csat');
    expect(headlineMetricOf({ nps: null, csat: null, ces: { n: 1 } })).toBe('ces');
    expect(headlineMetricOf({})).toBeNull();
  });

  it('CES direction: ease by default (CES 2.0), effort when declared; a run summary without it (runs before the setting) is read as effort', () => {
    const responses = { path: 'r.csv', columns: { response_id: 'id', submitted_at: 'at', ces: 'ces' } };
    expect(responsesSourceSchema.parse(responses).ces_direction).toBe('higher_is_easier');
    expect(responsesSourceSchema.parse({ ...responses, ces_direction: 'lower_is_easier' }).ces_direction).toBe('lower_is_easier');
    const bad = responsesSourceSchema.safeParse({ ...responses, ces_direction: 'sideways' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['ces_direction']);
    // a theme that makes the score worse: below zero for NPS, CSAT and CES read as ease; above zero for CES read as effort
    expect([worseDirection('nps', 'lower_is_easier'), worseDirection('csat', 'lower_is_easier'), worseDirection('ces', 'higher_is_easier'), worseDirection('ces', 'lower_is_easier')]).toEqual([-1, -1, -1, 1]);
    expect([scoreReading('ces', 'higher_is_easier'), scoreReading('ces', 'lower_is_easier'), scoreReading('csat', 'lower_is_easier')]).toEqual(['ces_ease', 'ces_effort', 'csat']);
    expect(runCesDirection(runSummarySchema.parse({ pipeline: 'p', asOf: '2026-01-01' }))).toBe('lower_is_easier');
    expect(runCesDirection(runSummarySchema.parse({ pipeline: 'p', asOf: '2026-01-01', cesDirection: 'higher_is_easier' }))).toBe('higher_is_easier');
    expect(runSummarySchema.safeParse({ pipeline: 'p', asOf: '2026-01-01', cesDirection: 'up' }).success).toBe(false);
  });

  it('a CSAT-only program leads its summary, CLI output and report with CSAT', async () => {
    // CSAT 1..5 cycling: scores 4 and 5 are 2 of every 5 answers → 20 of 48 here (i % 5 in {3, 4})
    const rows = answers((i) => 1 + (i % 5));
    const satisfied = rows.filter((r) => Number(r[4]) >= 4).length;
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'csat', 'comment'], ...rows]));
    fx.pipeline({
      sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', contact_id: 'contact', account_id: 'account', submitted_at: 'submitted_at', csat: 'csat', verbatim: 'comment' } } },
      settings: { periods: ['quarter'] },
    });
    const result = await fx.run('out', '2024-06-30');
    const m = result.summary.metrics;
    expect(m.nps).toBeNull();
    expect(m.headlineMetric).toBe('csat');
    expect(m.csat?.n).toBe(48);
    expect(m.csat?.value).toBeCloseTo((100 * satisfied) / 48, 9);
    expect(m.headlineChange).toMatchObject({ metric: 'csat', grain: 'quarter', period: '2024-04-01', previousPeriod: '2024-01-01' });
    const q2 = rows.filter((r) => Number(r[3]!.slice(5, 7)) >= 4);
    expect(m.headlineChange?.value).toBeCloseTo((100 * q2.filter((r) => Number(r[4]) >= 4).length) / q2.length, 9);

    const text = formatRun(result);
    expect(text).toContain(`CSAT (share of 4–5 answers) ${((100 * satisfied) / 48).toFixed(1)} % ± `);
    expect(text).not.toMatch(/^NPS/m);
    // the drivers run on CSAT: nothing says NPS analyses were skipped
    expect(text).not.toContain('NPS analyses skipped');
    expect(result.summary.drivers.metric).toBe('csat');

    const en = report(join(fx.dir, 'out'), 'en');
    expect(en).not.toContain('No complete period');
    // 24 answers a quarter, below settings.min_n (30): the change is not tested, and says so
    expect(en).toContain('Change from the previous period (2024-01-01): 0.0 points — not tested');
    expect(en).not.toContain('q = n/a');
    // the latest complete quarter, then the whole window
    expect(en).toMatch(new RegExp(`CSAT \\(share of 4–5 answers on 1–5\\) ${((100 * q2.filter((r) => Number(r[4]) >= 4).length) / q2.length).toFixed(1)} % ± [0-9.]+ \\(95 % margin\\) in the quarter 2024-04-01`));
    expect(en).toContain(`Whole window: CSAT (share of 4–5 answers on 1–5) ${((100 * satisfied) / 48).toFixed(1)} % ± `);
    expect(report(join(fx.dir, 'out'), 'fr')).toContain('Sur toute la fenêtre : CSAT (part de réponses 4–5 sur 1–5)');
    // the report draws the CSAT trend; the dashboard's specs hold it, and say why the NPS trend is missing
    expect(en).toContain('](svg-en/csat-trend.svg)');
    expect(en).not.toContain('nps-trend.svg');
    const current = join(fx.dir, 'out', 'current');
    const spec = JSON.parse(readFileSync(join(current, 'specs', 'en', 'csat-trend.vl.json'), 'utf8')) as { title: { text: string }; data: { values: Array<{ period: string; score: number }> } };
    expect(spec.title.text).toBe('CSAT trend');
    // periods: [quarter]: the trend's second point is Q2
    expect(spec.data.values.find((v) => v.period === '2024-04-01')?.score).toBeCloseTo((100 * q2.filter((r) => Number(r[4]) >= 4).length) / q2.length, 2);
    expect(result.summary.visuals?.omitted).toContainEqual({ id: 'nps-trend', reason: 'no NPS answers in this run' });
  });

  it('a CES-only program leads with its mean, two decimals, read as ease by default (CES 2.0) or as effort when the pipeline says so', async () => {
    const rows = answers((i) => 1 + (i % 7));
    const mean = rows.reduce((s, r) => s + Number(r[4]), 0) / rows.length;
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'ces', 'comment'], ...rows]));
    const columns = { response_id: 'id', contact_id: 'contact', account_id: 'account', submitted_at: 'submitted_at', ces: 'ces', verbatim: 'comment' };
    const expected = {
      default: { cli: 'CES (ease on 1–7, higher is easier)', report: 'CES (ease on 1–7, higher is easier)', recorded: 'higher_is_easier' },
      lower_is_easier: { cli: 'CES (effort on 1–7, lower is easier)', report: 'CES (effort on 1–7, lower is easier)', recorded: 'lower_is_easier' },
    } as const;
    for (const [direction, words] of Object.entries(expected)) {
      fx.pipeline({
        sources: { responses: { path: 'responses.csv', columns, ...(direction === 'default' ? {} : { ces_direction: direction }) } },
        settings: { periods: ['quarter'] },
      });
      const out = `out-${direction}`;
      const result = await fx.run(out, '2024-06-30');
      expect(result.summary.metrics.headlineMetric).toBe('ces');
      expect(result.summary.cesDirection).toBe(words.recorded);
      expect(JSON.parse(readFileSync(join(fx.dir, out, 'current', 'run-summary.json'), 'utf8')).cesDirection).toBe(words.recorded);
      expect(formatRun(result)).toContain(`${words.cli} ${mean.toFixed(2)} ± `);
      expect(report(join(fx.dir, out), 'en')).toContain(`Whole window: ${words.report} ${mean.toFixed(2)} ± `);
    }
  });

  it('an NPS program keeps NPS first and lists its other scores', async () => {
    const rows = answers((i) => i % 11).map((r, i) => [...r, String(1 + (i % 5))]);
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'nps', 'comment', 'csat'], ...rows]));
    fx.pipeline({
      sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', contact_id: 'contact', account_id: 'account', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment', csat: 'csat' } } },
      settings: { periods: ['quarter'] },
    });
    const result = await fx.run('out', '2024-06-30');
    expect(result.summary.metrics.headlineMetric).toBe('nps');
    expect(result.summary.metrics.headlineChange?.metric).toBe('nps');
    const text = formatRun(result);
    expect(text).toMatch(/^NPS -?[0-9.]+ ± /m);
    expect(text).toMatch(/^Also: CSAT \(share of 4–5 answers\) [0-9.]+ % ± [0-9.]+ \(n = 48\)$/m);
    expect(report(join(fx.dir, 'out'), 'en')).toMatch(/Also measured over the whole window: CSAT \(share of 4–5 answers on 1–5\) [0-9.]+ % ± [0-9.]+ \(n = 48\)\./);
  });
});

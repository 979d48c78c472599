/**
 * The page's filters in headless Chromium on the fixture run: each filter redraws every panel that
 * claims to answer it (its rendered SVG changes, or it says in words that the selection is empty)
 * and every other chart says in words that it is not filtered by it; reset restores the page; the
 * rows recomputed in the browser equal the SQL rows for the whole run and, under a segment filter,
 * a count made here from the database; the call-back list and the explorer follow the filters
 * (custom date range included); the URL carries the view; a heatmap click carries the page's filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ARGS, choose, openDashboardPage, rendered } from './browser-support.ts';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

const FILTERS = ['segment', 'region', 'journey-stage', 'touchpoint', 'survey-type', 'arr-band', 'language'] as const;
const NAMES: Record<string, string> = { segment: 'segment', region: 'region', 'journey-stage': 'journey stage', touchpoint: 'touchpoint', 'survey-type': 'survey type', 'arr-band': 'ARR band', language: 'language', period: 'period' };

let browser: Browser;
let runDir: string;
const errors: string[] = [];
type Row = Record<string, string | number | null>;

async function query(sql: string): Promise<Row[]> {
  const db = await openDatabase(join(runDir, 'ecoute.duckdb'), { readOnly: true });
  try {
    return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  } finally {
    db.close();
  }
}

async function openDashboard(hash = ''): Promise<Page> {
  return openDashboardPage(browser, pathToFileURL(join(runDir, 'dashboard', 'index.html')).href + hash, errors);
}

/** Per card: what its SVG shows (every mark's and axis' accessible label, every text), its note and the filters it says it ignores. */
async function cards(page: Page): Promise<Record<string, { svg: string; note: string; ignored: string; rows: string }>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section.card:not(.omitted)')].map((c) => [c.id, {
    svg: [...c.querySelectorAll('svg [aria-label], svg text')].map((e) => `${e.getAttribute('aria-label') ?? ''}|${e.tagName === 'text' ? e.textContent : ''}`).join('\n'), note: c.querySelector('.note')!.textContent ?? '', ignored: (c as HTMLElement).dataset.ignored ?? '', rows: (c as HTMLElement).dataset.rows ?? '',
  }])));
}

const chartRows = (page: Page, id: string): Promise<Row[]> =>
  page.evaluate((chart) => (window as unknown as { ecouteDashboard: { rows(id: string): Row[] } }).ecouteDashboard.rows(chart), id);
const sortRows = (rows: Row[], keys: string[]): string[] => rows.map((r) => JSON.stringify(keys.map((k) => r[k] ?? null))).sort();

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the dashboard\'s filters in a real browser', () => {
  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF, langs: ['en'] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('keeps the page before the explorer to about three screens: the other scores\' trends, response rate, benchmark and omitted charts go to More charts below it', async () => {
    const page = await openDashboard();
    const layout = await page.evaluate(() => {
      const top = (e: Element): number => e.getBoundingClientRect().top + window.scrollY;
      const explorer = top(document.getElementById('explorer')!);
      const more = document.getElementById('more-charts')!;
      return {
        explorer, more: top(more), moreTitle: more.querySelector('h2')!.textContent,
        main: [...document.querySelectorAll('#charts > section')].map((c) => c.id),
        below: [...document.querySelectorAll('#charts-more > section')].map((c) => c.id),
      };
    });
    expect(layout.explorer).toBeLessThanOrEqual(3.2 * 900);
    expect(layout.more).toBeGreaterThan(layout.explorer);
    expect(layout.moreTitle).toBe('More charts');
    expect(layout.main).toContain('card-nps-trend');
    expect(layout.main).toContain('card-theme-impact');
    for (const id of ['card-csat-trend', 'card-ces-trend', 'card-response-rate']) expect(layout.below).toContain(id);
    expect(layout.main.filter((id) => layout.below.includes(id))).toEqual([]);
    await page.close();
  });

  it('each filter redraws every panel that answers it; the others say they do not; reset restores the page', async () => {
    const page = await openDashboard();
    const before = await cards(page);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(8);
    for (const c of Object.values(before)) expect(c.ignored).toBe('');
    const periods = await page.locator('#filter-period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const quarter = periods.find((p) => p.startsWith('quarter:'))!;
    for (const [control, value] of [...FILTERS.map((f) => [f, null] as const), ['period', quarter] as const]) {
      const id = `#filter-${control}`;
      const option = value ?? await page.locator(`${id} option`).nth(1).getAttribute('value');
      await choose(page, id, option!);
      const after = await cards(page);
      for (const [card, a] of Object.entries(after)) {
        const ignores = a.ignored.split('|').includes(NAMES[control]!);
        if (ignores) expect(a.note, `${card} under ${control}`).toContain(`Not filtered by ${a.ignored.split('|').join(', ')}:`);
        else if (a.rows === '0') expect(a.note, `${card} under ${control}`).toContain('No data for this selection.');
        else expect(a.svg === before[card]!.svg, `${card} under ${control}=${option} draws the same as unfiltered`).toBe(false);
      }
      // the derived charts answer every filter
      expect(after['card-theme-sentiment']!.ignored).toBe('');
      expect(after['card-segment-theme-heatmap']!.ignored).toBe('');
      expect(page.url()).toContain(`${control.replace(/-/g, '_')}=`);
      await page.click('#filter-reset');
      await rendered(page);
      const reset = await cards(page);
      for (const card of Object.keys(before)) expect(reset[card]!.svg === before[card]!.svg, `${card} after reset`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recomputes theme mentions and the heatmap in the browser exactly as the SQL does', async () => {
    const page = await openDashboard();
    const payload = await page.evaluate(() => JSON.parse(document.getElementById('ecoute-data')!.textContent!) as { charts: Array<{ id: string; rows: Row[] }> });
    const sqlRows = (id: string): Row[] => payload.charts.find((c) => c.id === id)!.rows.filter((r) => r.f_period === 'all' && (r.f_segment ?? 'all') === 'all');
    expect(sortRows(await chartRows(page, 'theme-sentiment'), ['theme_id', 'sentiment_label', 'mentions'])).toEqual(sortRows(sqlRows('theme-sentiment'), ['theme_id', 'sentiment_label', 'mentions']));
    const heat = ['segment', 'theme_id', 'commented', 'mentioning', 'negative', 'mention_rate', 'negative_rate'];
    expect(sortRows(await chartRows(page, 'segment-theme-heatmap'), heat)).toEqual(sortRows(sqlRows('segment-theme-heatmap'), heat));

    // under a segment and a region filter: the mentions counted here from the database
    const segment = await page.locator('#filter-segment option').nth(1).getAttribute('value');
    const region = await page.locator('#filter-region option').nth(1).getAttribute('value');
    await choose(page, '#filter-segment', segment!);
    await choose(page, '#filter-region', region!);
    const expected = await query(`SELECT m.theme_id, m.sentiment_label, count(*)::INTEGER AS mentions FROM theme_mentions m JOIN responses r USING (response_id) LEFT JOIN accounts a USING (account_id)
      WHERE r.submitted_at < DATE '2026-11-02' AND a.segment = '${segment!.replaceAll("'", "''")}' AND a.region = '${region!.replaceAll("'", "''")}' GROUP BY ALL`);
    expect(sortRows(await chartRows(page, 'theme-sentiment'), ['theme_id', 'sentiment_label', 'mentions'])).toEqual(sortRows(expected, ['theme_id', 'sentiment_label', 'mentions']));
    await page.close();
  });

  it('filters the call-back list and the explorer, custom dates included; the URL carries the view', async () => {
    const callbacks = (JSON.parse(readFileSync(join(runDir, 'callback-list.json'), 'utf8')) as { rows: Array<{ segment: string | null; submitted_at: string }> }).rows;
    expect(callbacks.length).toBeGreaterThan(5);
    const page = await openDashboard();
    expect(await page.locator('#callbacks tbody tr').count()).toBe(Math.min(5, callbacks.length));
    expect(await page.locator('#callbacks').getAttribute('data-rows')).toBe(String(callbacks.length));
    const segment = await page.locator('#filter-segment option').nth(1).getAttribute('value');
    await choose(page, '#filter-segment', segment!);
    const inSegment = callbacks.filter((r) => (r.segment ?? '(unknown)') === segment);
    expect(inSegment.length).toBeLessThan(callbacks.length);
    expect(await page.locator('#callbacks').getAttribute('data-rows')).toBe(String(inSegment.length));
    expect(await page.locator('#callbacks-count').innerText()).toContain(`${inSegment.length} call-backs in this selection (of ${callbacks.length})`);
    const [verbatims] = await query(`SELECT count(*)::INTEGER AS n FROM responses r LEFT JOIN accounts a USING (account_id)
      WHERE r.submitted_at < DATE '2026-11-02' AND trim(coalesce(r.verbatim, '')) <> '' AND coalesce(a.segment, '(unknown)') = '${segment!.replaceAll("'", "''")}'`);
    expect(Number(await page.locator('#explorer').getAttribute('data-matches'))).toBe(Number(verbatims!.n));

    // a custom range: the last five days before the run date
    await choose(page, '#filter-period', 'custom');
    await page.fill('#filter-from', '2026-10-27');
    await rendered(page);
    await page.fill('#filter-to', '2026-10-31');
    await rendered(page);
    const inRange = inSegment.filter((r) => r.submitted_at.slice(0, 10) >= '2026-10-27' && r.submitted_at.slice(0, 10) <= '2026-10-31');
    expect(await page.locator('#callbacks').getAttribute('data-rows')).toBe(String(inRange.length));
    const [ranged] = await query(`SELECT count(*)::INTEGER AS n FROM responses r LEFT JOIN accounts a USING (account_id)
      WHERE r.submitted_at >= DATE '2026-10-27' AND r.submitted_at < DATE '2026-11-01' AND trim(coalesce(r.verbatim, '')) <> '' AND coalesce(a.segment, '(unknown)') = '${segment!.replaceAll("'", "''")}'`);
    expect(Number(await page.locator('#explorer').getAttribute('data-matches'))).toBe(Number(ranged!.n));
    expect(await page.locator('#card-nps-trend .note').innerText()).toContain('Not filtered by custom date range');

    const again = await openDashboard(new URL(page.url()).hash);
    expect(await again.locator('#filter-segment').inputValue()).toBe(segment);
    expect(await again.locator('#filter-from').inputValue()).toBe('2026-10-27');
    expect(await again.locator('#callbacks').getAttribute('data-rows')).toBe(String(inRange.length));
    await again.close();
    await page.close();
  });

  it('a heatmap cell opens the explorer on its theme and segment, within the page\'s period', async () => {
    const page = await openDashboard();
    const quarter = (await page.locator('#filter-period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((p) => p.startsWith('quarter:'))!;
    await choose(page, '#filter-period', quarter);
    const cells = page.locator('#card-segment-theme-heatmap svg g.mark-rect path');
    await cells.first().scrollIntoViewIfNeeded();
    const box = (await cells.nth(0).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const state = await page.evaluate(() => (window as unknown as { ecouteExplorer: { state(): Record<string, string> } }).ecouteExplorer.state());
    expect(state.theme).not.toBe('');
    expect(state.segment).not.toBe('');
    expect(state.from).toBe(quarter.slice('quarter:'.length));
    const [n] = await query(`SELECT count(DISTINCT r.response_id)::INTEGER AS n FROM responses r JOIN theme_mentions m USING (response_id) LEFT JOIN accounts a USING (account_id)
      WHERE m.theme_id = '${state.theme!.replaceAll("'", "''")}' AND coalesce(a.segment, '(unknown)') = '${state.segment!.replaceAll("'", "''")}'
        AND r.submitted_at >= DATE '${state.from}' AND r.submitted_at < DATE '${state.to}' + INTERVAL 1 DAY AND trim(coalesce(r.verbatim, '')) <> ''`);
    expect(Number(await page.locator('#explorer').getAttribute('data-matches'))).toBe(Number(n!.n));
    await page.close();
  });
});

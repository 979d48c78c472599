/**
 * The verbatim explorer in headless Chromium, on the fixture run (demo company at scale 0.02 plus
 * three hostile verbatims), every figure compared with a count computed here from the run's
 * database: the explorer holds every verbatim of the run (the downloaded CSV of the unfiltered
 * selection lists exactly the run's verbatims); a click on a theme's bar opens it with that
 * theme's verbatims only; a French word with accents typed without them is found and highlighted
 * on the accented text; filters, sort, paging and the URL hash; PII redacted, hostile text inert;
 * one page per language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ARGS, clickFirstMark, explorerState, parseCsv } from './browser-support.ts';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';


let browser: Browser;
let runDir: string;
let verbatims: Array<{ id: string; text: string; segment: string; nps: number | null; arr: number | null }>;
let mentions: Array<{ id: string; theme: string; sentiment: string }>;
const errors: string[] = [];

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function openDashboard(file = 'index.html', hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url().startsWith('file://') || route.request().url().startsWith('blob:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(join(runDir, 'dashboard', file)).href + hash);
  await page.waitForFunction(() => document.body.dataset.explorer === 'ready' && (document.body.dataset.rendered === 'true' || document.body.dataset.rendered === 'error'), null, { timeout: 60_000 });
  expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('true');
  return page;
}

const matches = async (page: Page): Promise<number> => Number(await page.locator('#explorer').getAttribute('data-matches'));

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#explorer-csv')]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return parseCsv(text.slice(1));
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the verbatim explorer in a real browser', () => {
  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF });
    const db = await openDatabase(join(runDir, 'ecoute.duckdb'), { readOnly: true });
    try {
      verbatims = (await db.connection.runAndReadAll(
        `SELECT r.response_id AS id, r.verbatim AS text, coalesce(a.segment, '(unknown)') AS segment, r.nps,
           (SELECT arg_max(arr, period) FROM revenue v WHERE v.account_id = r.account_id AND v.period <= DATE '2026-11-01') AS arr
         FROM responses r LEFT JOIN accounts a USING (account_id)
         WHERE r.submitted_at < DATE '2026-11-02' AND r.verbatim IS NOT NULL AND trim(r.verbatim) <> ''`,
      )).getRowObjectsJson().map((r) => ({ id: String(r.id), text: String(r.text), segment: String(r.segment), nps: r.nps === null ? null : Number(r.nps), arr: r.arr === null ? null : Number(r.arr) }));
      mentions = (await db.connection.runAndReadAll('SELECT response_id AS id, theme_id AS theme, sentiment_label AS sentiment FROM theme_mentions')).getRowObjectsJson()
        .map((r) => ({ id: String(r.id), theme: String(r.theme), sentiment: String(r.sentiment) }));
    } finally {
      db.close();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('holds every verbatim of the run, PII-redacted, hostile text inert, 20 a page', async () => {
    const page = await openDashboard();
    expect(verbatims.length).toBeGreaterThan(500);
    expect(await matches(page)).toBe(verbatims.length);
    const rows = await downloadCsv(page);
    expect(rows[0]!.slice(0, 3)).toEqual(['response_id', 'date', 'nps']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(verbatims.map((v) => v.id).sort());
    const csv = rows.flat().join('\n');
    expect(csv).not.toContain('jane.doe@example.com');
    expect(csv).toContain('[email]');

    expect(await page.locator('#explorer-list li.verbatim-item').count()).toBe(20);
    const first = await page.locator('#explorer-list li').first().getAttribute('data-id');
    await page.click('#explorer-next');
    expect(await page.locator('#explorer-list li').first().getAttribute('data-id')).not.toBe(first);
    expect(await page.locator('.pager .page').innerText()).toBe(`Page 2 of ${Math.ceil(verbatims.length / 20)}`);

    await page.fill('#explorer-search', 'double-billed');
    expect(await page.locator('#explorer-list').innerText()).toContain('javascript:alert(1) we were double-billed');
    expect(await page.locator('#explorer script, #explorer img, #explorer a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('a click on a theme bar opens the explorer with that theme\'s verbatims only', async () => {
    const page = await openDashboard();
    await clickFirstMark(page, '#card-theme-sentiment svg g.mark-rect path');
    // the bar of one sentiment of one theme: the explorer shows the theme's mentions of that sentiment
    const { theme, sentiment } = await explorerState(page);
    expect(theme).not.toBe('');
    expect(['negative', 'neutral', 'positive']).toContain(sentiment);
    expect(await page.locator('#explorer-theme').inputValue()).toBe(theme);
    const ids = new Set(verbatims.map((v) => v.id));
    const expected = new Set(mentions.filter((m) => m.theme === theme && m.sentiment === sentiment && ids.has(m.id)).map((m) => m.id));
    expect(await matches(page)).toBe(expected.size);
    const rows = await downloadCsv(page);
    const themes = rows[0]!.indexOf('themes');
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...expected].sort());
    for (const r of rows.slice(1)) expect(r[themes]!.split('; ')).toContain(`${theme}:${sentiment}`);
    // the matched clause is highlighted and says what matched it
    const mark = page.locator('#explorer-list mark.clause').first();
    expect(await mark.count()).toBe(1);
    expect(await mark.getAttribute('title')).toMatch(/ · (keyword|theme label|taxonomy example|topic model|embedding similarity)\b/);
    expect(page.url()).toContain(`v_theme=${encodeURIComponent(theme)}`);
    await page.close();
  });

  it('finds a French word with accents typed without them, and highlights it on the accented text', async () => {
    const counts = new Map<string, number>();
    for (const v of verbatims) for (const w of v.text.toLowerCase().match(/[a-zà-ÿ]*[éèêàçùô][a-zà-ÿ]*/g) ?? []) if (w.length >= 5) counts.set(w, (counts.get(w) ?? 0) + 1);
    const word = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const typed = fold(word);
    expect(typed).not.toBe(word);
    const page = await openDashboard('index-fr.html');
    await page.fill('#explorer-search', typed);
    expect(await matches(page)).toBe(verbatims.filter((v) => fold(v.text).includes(typed)).length);
    const hits = await page.locator('#explorer-list mark.hit').allInnerTexts();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.toLowerCase() === word)).toBe(true);
    await page.close();
  });

  it('filters by segment and NPS category, sorts by ARR, and keeps the view in the URL', async () => {
    const page = await openDashboard();
    const segment = await page.locator('#explorer-segment option').nth(1).getAttribute('value');
    await page.selectOption('#explorer-segment', segment!);
    expect(await matches(page)).toBe(verbatims.filter((v) => v.segment === segment).length);
    await page.selectOption('#explorer-nps-category', 'detractor');
    const expected = verbatims.filter((v) => v.segment === segment && v.nps !== null && v.nps <= 6);
    expect(await matches(page)).toBe(expected.length);
    await page.selectOption('#explorer-sort', 'arr-desc');
    const rows = await downloadCsv(page);
    const arr = rows[0]!.indexOf('arr');
    const values = rows.slice(1).map((r) => (r[arr] === '' ? null : Number(r[arr])));
    const known = values.filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(values.slice(known.length).every((v) => v === null)).toBe(true);
    expect(known[0]).toBe(Math.round(Math.max(...expected.map((v) => v.arr ?? -1))));

    const url = page.url();
    const again = await browser.newPage();
    await again.goto(url);
    await again.waitForFunction(() => document.body.dataset.explorer === 'ready');
    expect(Number(await again.locator('#explorer').getAttribute('data-matches'))).toBe(expected.length);
    expect(await again.locator('#explorer-sort').inputValue()).toBe('arr-desc');
    await again.click('#explorer-reset');
    expect(Number(await again.locator('#explorer').getAttribute('data-matches'))).toBe(verbatims.length);
    await again.close();
    await page.close();
  });

  it('writes one page per language, the French beside the English', () => {
    const en = readFileSync(join(runDir, 'dashboard', 'index.html'), 'utf8');
    const fr = readFileSync(join(runDir, 'dashboard', 'index-fr.html'), 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Explorateur de verbatims');
    expect(en).toContain('"file":"index-fr.html"');
    expect(errors).toEqual([]);
  });
});

/**
 * The dashboard of a served run — more verbatims than settings.dashboard.embed_max_verbatims (the fixture run with
 * the threshold at 100) — without headless Chromium: no verbatims.js, the payload, the page's policy and
 * run-summary's visuals say served, the threshold is inclusive and read from the run's summary when not given. Then
 * in headless Chromium on `ecoute serve`: a French word typed without accents is found (the count a count made here
 * from the database) and highlighted; a click on a theme bar opens the explorer on that theme and sentiment, its
 * verbatims only (the database's count, the CSV link carrying the filters and listing exactly them); paging; the
 * derived charts equal the embedded page's rows for the same run, unfiltered and under a segment filter, and change
 * with it; the same page opened from disk, or with the API out of reach, says in words to run `ecoute serve`; served with
 * a token, the page and its API calls are refused without it and work once it is given in the address (cookie).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ARGS, clickFirstMark, explorerState, parseCsv, rendered } from './browser-support.ts';
import { emitVisuals, type VisualsSummary } from '../../src/report/dashboard/emit-visuals.ts';
import { buildDashboard } from '../../src/report/dashboard/build-dashboard.ts';
import { serveRun, type RunServer } from '../../src/serve/serve-run.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

const MAX = 100;
type Row = Record<string, string | number | null>;

let browser: Browser;
let embeddedDir: string;
let servedDir: string;
let visuals: VisualsSummary;
let server: RunServer;
let verbatims: Array<{ id: string; text: string; segment: string }>;
let mentions: Array<{ id: string; theme: string; sentiment: string }>;
const errors: string[] = [];
const scratch: string[] = [];

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function payloadOf(html: string): { explorer: { served?: { mode: string; n: number; max: number; dims: Record<string, { values: string[] }> } } } {
  const json = /<script type="application\/json" id="ecoute-data">(.*?)<\/script>/s.exec(html)![1]!;
  return JSON.parse(json) as ReturnType<typeof payloadOf>;
}

async function newPage(collect = true): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (collect) {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
  }
  return page;
}

/** Waits for the served explorer's page and every chart to be drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('explorer')!.dataset.state === 'ready' && document.body.dataset.rendered !== 'false', null, { timeout: 60_000 });
  await rendered(page);
}

async function openServed(url = server.url): Promise<Page> {
  const page = await newPage();
  await page.goto(url);
  await settled(page);
  return page;
}

async function openEmbedded(): Promise<Page> {
  const page = await newPage();
  await page.goto(pathToFileURL(join(embeddedDir, 'dashboard', 'index.html')).href);
  await page.waitForFunction(() => document.body.dataset.explorer === 'ready', null, { timeout: 60_000 });
  await rendered(page);
  return page;
}

const matches = async (page: Page): Promise<number> => Number(await page.locator('#explorer').getAttribute('data-matches'));
const chartRows = (page: Page, id: string): Promise<Row[]> =>
  page.evaluate((chart) => (window as unknown as { ecouteDashboard: { rows(id: string): Row[] } }).ecouteDashboard.rows(chart), id);

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#explorer-csv')]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return parseCsv(text.slice(1));
}

describe('a run with more verbatims than settings.dashboard.embed_max_verbatims', () => {
  beforeAll(async () => {
    servedDir = await copyOfFixtureRun();
    visuals = await emitVisuals(servedDir, { asOf: FIXTURE_AS_OF, langs: ['en', 'fr'], embedMaxVerbatims: MAX });
  }, 240_000);

  it('writes no verbatims.js; its payload, its policy and run-summary\'s visuals say served', () => {
    const n = visuals.explorer.verbatims;
    expect(n).toBeGreaterThan(MAX);
    expect(visuals.explorer).toEqual({ mode: 'served', verbatims: n, embed_max_verbatims: MAX });
    expect(existsSync(join(servedDir, 'dashboard', 'verbatims.js'))).toBe(false);
    expect(visuals.files.some((f) => f.endsWith('verbatims.js'))).toBe(false);
    for (const file of ['index.html', 'index-fr.html']) {
      const html = readFileSync(join(servedDir, 'dashboard', file), 'utf8');
      expect(html).not.toContain('verbatims.js');
      expect(html).toContain('<script src="explorer.js">');
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self'/);
      const served = payloadOf(html).explorer.served!;
      expect([served.mode, served.n, served.max]).toEqual(['served', n, MAX]);
      expect(served.dims.segment!.values.length).toBeGreaterThan(1);
    }
  });

  it('embeds up to the threshold, and takes the threshold the run recorded when none is given', async () => {
    const n = visuals.explorer.verbatims;
    const at = mkdtempSync(join(tmpdir(), 'ecoute-served-at-'));
    scratch.push(at);
    await buildDashboard(servedDir, { outDir: at, embedMaxVerbatims: n });
    expect(existsSync(join(at, 'verbatims.js'))).toBe(true);
    const html = readFileSync(join(at, 'index.html'), 'utf8');
    expect(payloadOf(html).explorer.served).toBeUndefined();
    expect(html).toMatch(/connect-src 'none'/);

    // a run whose summary records settings.dashboard (as `ecoute run` writes it): `ecoute dashboard` keeps it
    const summary = JSON.parse(readFileSync(join(servedDir, 'run-summary.json'), 'utf8')) as Record<string, unknown>;
    rmSync(join(servedDir, 'run-summary.json')); // a link to the shared fixture's: replaced, not written through
    writeFileSync(join(servedDir, 'run-summary.json'), JSON.stringify({ ...summary, dashboard: { embed_max_verbatims: n - 1 } }));
    await buildDashboard(servedDir, { outDir: at });
    expect(existsSync(join(at, 'verbatims.js'))).toBe(false);
    expect(payloadOf(readFileSync(join(at, 'index.html'), 'utf8')).explorer.served!.max).toBe(n - 1);
  }, 120_000);
});

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('a served run\'s dashboard in a real browser', () => {
  beforeAll(async () => {
    embeddedDir = await copyOfFixtureRun();
    await emitVisuals(embeddedDir, { asOf: FIXTURE_AS_OF, langs: ['en'] });
    servedDir ??= await copyOfFixtureRun();
    if (!existsSync(join(servedDir, 'dashboard', 'index.html'))) await emitVisuals(servedDir, { asOf: FIXTURE_AS_OF, langs: ['en', 'fr'], embedMaxVerbatims: MAX });
    server = await serveRun(servedDir, { port: 0 });
    const db = await openDatabase(join(embeddedDir, 'ecoute.duckdb'), { readOnly: true });
    try {
      verbatims = (await db.connection.runAndReadAll(
        `SELECT r.response_id AS id, r.verbatim AS text, coalesce(a.segment, '(unknown)') AS segment
         FROM responses r LEFT JOIN accounts a USING (account_id)
         WHERE r.submitted_at < DATE '2026-11-02' AND r.verbatim IS NOT NULL AND trim(r.verbatim) <> ''`,
      )).getRowObjectsJson().map((r) => ({ id: String(r.id), text: String(r.text), segment: String(r.segment) }));
      mentions = (await db.connection.runAndReadAll('SELECT response_id AS id, theme_id AS theme, sentiment_label AS sentiment FROM theme_mentions')).getRowObjectsJson()
        .map((r) => ({ id: String(r.id), theme: String(r.theme), sentiment: String(r.sentiment) }));
    } finally {
      db.close();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [embeddedDir, servedDir, ...scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a French word with accents typed without them, and highlights it on the accented text', async () => {
    const counts = new Map<string, number>();
    for (const v of verbatims) for (const w of v.text.toLowerCase().match(/[a-zà-ÿ]*[éèêàçùô][a-zà-ÿ]*/g) ?? []) if (w.length >= 5) counts.set(w, (counts.get(w) ?? 0) + 1);
    const word = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const typed = fold(word);
    expect(typed).not.toBe(word);
    const page = await openServed(`${server.url}index-fr.html`);
    expect(await matches(page)).toBe(verbatims.length);
    await page.fill('#explorer-search', typed);
    await settled(page);
    expect(await matches(page)).toBe(verbatims.filter((v) => fold(v.text).includes(typed)).length);
    const hits = await page.locator('#explorer-list mark.hit').allInnerTexts();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.toLowerCase() === word)).toBe(true);
    expect(await page.locator('#explorer-csv').getAttribute('href')).toBe(`/api/explorer.csv?q=${encodeURIComponent(typed)}`);
    await page.close();
  });

  it('a click on a theme bar opens the explorer on that theme: its verbatims only, the CSV link carrying the filters', async () => {
    const page = await openServed();
    await clickFirstMark(page, '#card-theme-sentiment svg g.mark-rect path');
    await settled(page);
    const { theme, sentiment } = await explorerState(page);
    expect(theme).not.toBe('');
    expect(['negative', 'neutral', 'positive']).toContain(sentiment);
    expect(await page.locator('#explorer-theme').inputValue()).toBe(theme);
    const ids = new Set(verbatims.map((v) => v.id));
    const expected = new Set(mentions.filter((m) => m.theme === theme && m.sentiment === sentiment && ids.has(m.id)).map((m) => m.id));
    expect(await matches(page)).toBe(expected.size);
    const href = new URL(await page.locator('#explorer-csv').getAttribute('href') ?? '', server.url);
    expect([href.pathname, href.searchParams.get('theme'), href.searchParams.get('sentiment')]).toEqual(['/api/explorer.csv', theme, sentiment]);
    const rows = await downloadCsv(page);
    const themes = rows[0]!.indexOf('themes');
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...expected].sort());
    for (const r of rows.slice(1)) expect(r[themes]!.split('; ')).toContain(`${theme}:${sentiment}`);
    // the matched clause is highlighted and says what matched it
    const mark = page.locator('#explorer-list mark.clause').first();
    expect(await mark.count()).toBe(1);
    expect(await mark.getAttribute('title')).toMatch(/ · (keyword|theme label|taxonomy example|topic model|embedding similarity|embedded classifier)\b/);
    expect(page.url()).toContain(`v_theme=${encodeURIComponent(theme)}`);
    await page.close();
  });

  it('pages 20 at a time, each page the API\'s, and a segment in the CSV link', async () => {
    const page = await openServed();
    expect(await page.locator('#explorer-list li.verbatim-item').count()).toBe(20);
    const first = await page.locator('#explorer-list li').first().getAttribute('data-id');
    await page.click('#explorer-next');
    await settled(page);
    expect(await page.locator('#explorer-list li').first().getAttribute('data-id')).not.toBe(first);
    expect(await page.locator('.pager .page').innerText()).toBe(`Page 2 of ${Math.ceil(verbatims.length / 20)}`);
    const api = await page.evaluate(() => fetch('/api/explorer?page=2').then((r) => r.json()) as Promise<{ rows: Array<{ id: string }> }>);
    expect(await page.locator('#explorer-list li.verbatim-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.id))).toEqual(api.rows.map((r) => r.id));
    await page.selectOption('#explorer-segment', 'SMB');
    await settled(page);
    expect(await matches(page)).toBe(verbatims.filter((v) => v.segment === 'SMB').length);
    expect(await page.locator('.pager .page').innerText()).toMatch(/^Page 1 of /);
    expect(await page.locator('#explorer-csv').getAttribute('href')).toBe('/api/explorer.csv?segment=SMB');
    await page.close();
  });

  it('draws the derived charts with the embedded page\'s rows for the same run, and follows a segment filter', async () => {
    const served = await openServed();
    const embedded = await openEmbedded();
    const rowsOf = async (page: Page): Promise<Row[][]> => [await chartRows(page, 'theme-sentiment'), await chartRows(page, 'segment-theme-heatmap')];
    const all = await rowsOf(served);
    expect(all[0]!.length).toBeGreaterThan(0);
    expect(all[1]!.length).toBeGreaterThan(0);
    expect(all).toEqual(await rowsOf(embedded));
    for (const page of [served, embedded]) {
      await page.selectOption('#filter-segment', 'SMB');
      await (page === served ? settled(page) : rendered(page));
    }
    const smb = await rowsOf(served);
    expect(smb).toEqual(await rowsOf(embedded));
    expect(smb[0]).not.toEqual(all[0]);
    expect(new Set(smb[1]!.map((r) => r.segment))).toEqual(new Set(['SMB']));
    expect(await served.locator('#card-theme-sentiment').getAttribute('data-ignored')).toBe('');
    expect(await matches(served)).toBe(verbatims.filter((v) => v.segment === 'SMB').length);
    await served.close();
    await embedded.close();
    expect(errors).toEqual([]);
  });

  it('opened from disk, says in words to run `ecoute serve` (explorer and derived charts), without an error', async () => {
    const page = await newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(servedDir, 'dashboard', 'index.html')).href);
    await rendered(page);
    expect(await page.evaluate(() => document.body.dataset.explorer)).toBe('unavailable');
    const n = verbatims.length.toLocaleString('en-GB');
    const message = `This run has ${n} verbatims, more than the ${MAX} embedded in a page (settings.dashboard.embed_max_verbatims); run \`ecoute serve <run-dir>\``;
    expect(await page.locator('#explorer-unavailable').innerText()).toContain(message);
    expect(await page.locator('#card-theme-sentiment .note').innerText()).toContain(message);
    expect(await page.locator('#card-segment-theme-heatmap').getAttribute('data-state')).toBe('error');
    // a drill-down still opens the panel, with its message
    await page.evaluate(() => (window as unknown as { ecouteExplorer: { open(f: Record<string, string>): void } }).ecouteExplorer.open({ segment: 'SMB' }));
    expect(await page.locator('#explorer-unavailable').count()).toBe(1);
    expect(await page.locator('#filter-segment option').count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with a token: refused without it; opened once with ?token=, the page and every API call it makes carry it (cookie)', async () => {
    const guarded = await serveRun(servedDir, { port: 0, token: 'sesame-4f2a' });
    try {
      expect((await fetch(`${guarded.url}index.html`)).status).toBe(401);
      expect((await fetch(`${guarded.url}api/explorer`)).status).toBe(401);
      const page = await newPage();
      const statuses: number[] = [];
      page.on('response', (r) => { if (r.url().includes('/api/')) statuses.push(r.status()); });
      await page.goto(`${guarded.url}?token=sesame-4f2a`);
      await settled(page);
      expect(await matches(page)).toBe(verbatims.length);
      expect(await page.locator('#card-theme-sentiment').getAttribute('data-state')).not.toBe('error');
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200)).toBe(true);
      // a wrong token gets nothing
      const other = await browser.newPage();
      expect((await other.goto(`${guarded.url}?token=wrong`))!.status()).toBe(401);
      await other.close();
      await page.close();
    } finally {
      await guarded.close();
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('with the API out of reach, says so and what to run', async () => {
    const page = await newPage(false);
    await page.route('**/api/**', (route) => route.abort());
    await page.goto(server.url);
    await rendered(page);
    expect(await page.evaluate(() => document.body.dataset.explorer)).toBe('unavailable');
    expect(await page.locator('#explorer-unavailable').innerText()).toMatch(/^The server did not answer \(.+\)\. This run has .* run `ecoute serve <run-dir>`/);
    // whichever failed first, the chart's own request or the explorer's
    expect(await page.locator('#card-theme-sentiment .note').innerText()).toMatch(/^This chart’s rows could not be loaded from the server \(.+\)\./);
    expect(await page.locator('#card-theme-sentiment').getAttribute('data-state')).toBe('error');
    await page.close();
  });
});

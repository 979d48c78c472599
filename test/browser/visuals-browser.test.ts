/**
 * The dashboard and the reports in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), loaded from file://: no request leaves the machine (every non-file request is
 * aborted and fails the test), every chart has an SVG or canvas, no console errors, the hostile
 * verbatims are shown as text and run nothing, the filters redraw the charts. A PNG screenshot of
 * each page is written to test/.artifacts/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ARGS } from './browser-support.ts';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));

interface Watched {
  readonly page: Page;
  readonly external: string[];
  readonly errors: string[];
}

let browser: Browser;
let runDir: string;

async function open(url: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const external: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file://')) return route.continue();
    external.push(u);
    return route.abort();
  });
  await page.goto(url);
  return { page, external, errors };
}

// skipped only on a developer machine without Chromium; in CI (CI=true) a missing browser fails
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('visuals in a real browser', () => {
  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('the dashboard renders every chart offline, shows hostile verbatims as text, and filters', async () => {
    const { page, external, errors } = await open(pathToFileURL(join(runDir, 'dashboard', 'index.html')).href);
    await page.waitForFunction(() => document.body.dataset.rendered === 'true' || document.body.dataset.rendered === 'error', null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('true');
    // a chart the run cannot feed keeps a card that says why, in words
    for (const note of await page.locator('section.card.omitted .note').allInnerTexts()) expect(note).toMatch(/^Not drawn for this run: .+\.$/);
    const cards = page.locator('section.card:not(.omitted)');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < n; i++) expect(await cards.nth(i).locator('svg, canvas').count(), await cards.nth(i).getAttribute('id') ?? '').toBeGreaterThan(0);

    // hostile verbatims: present as literal text, nothing executed, no element injected
    // (the call-back panel lists only the five with the most ARR at risk: the explorer shows every verbatim)
    await page.fill('#explorer-search', '__xss');
    expect(await page.locator('#explorer').getAttribute('data-matches')).toBe('3');
    const text = await page.locator('#explorer-list').innerText();
    expect(text).toContain('<script>window.__xss = 1;');
    expect(text).toContain('<img src=x onerror=');
    expect(text).toContain('javascript:alert(1)');
    expect(text).toContain('[email]');
    expect(text).not.toContain('jane.doe@example.com');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.title()).toBe('ecoute');
    expect(await page.locator('main script, main img, main a[href^="javascript"]').count()).toBe(0);
    await page.click('#explorer-reset');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // filters: a segment and a period redraw the charts from other rows
    const before = await page.locator('#card-nps-trend').getAttribute('data-rows');
    const segment = await page.locator('#filter-segment option').nth(1).getAttribute('value');
    await page.selectOption('#filter-segment', segment!);
    await page.waitForFunction(() => document.body.dataset.rendered === 'true');
    expect(await page.locator('#card-nps-trend svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#card-nps-trend').getAttribute('data-rows')).not.toBeNull();
    expect(before).not.toBeNull();
    const period = await page.locator('#filter-period option').nth(1).getAttribute('value');
    await page.selectOption('#filter-period', period!);
    await page.waitForFunction(() => document.body.dataset.rendered === 'true');
    expect(await page.locator('#card-nps-by-segment').getAttribute('data-rows')).not.toBe('0');
    expect(await page.locator('#card-nps-trend .note').innerText()).not.toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-filtered.png'), fullPage: true });

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`the ${lang} report shows its charts and runs nothing`, async () => {
      const { page, external, errors } = await open(pathToFileURL(join(runDir, 'report', `report-${lang}.html`)).href);
      await page.waitForLoadState('load');
      const figures = page.locator('figure.chart');
      expect(await figures.count()).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < (await figures.count()); i++) expect(await figures.nth(i).locator('svg').count()).toBe(1);
      expect(await page.locator('body script').count()).toBe(0);
      expect(await page.locator('body').innerText()).toMatch(lang === 'en' ? /embedded default/ : /classifieur intégré par défaut/);
      await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('fails closed: a page that asks for the network is caught', async () => {
    const { page, external } = await open('data:text/html,<img src="https://example.invalid/x.png">');
    await page.waitForLoadState('load');
    expect(external.length).toBe(1);
    await page.close();
  });
});

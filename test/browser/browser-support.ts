/** What the browser tests share: the Chromium they launch, its flags, an RFC 4180 reader for the CSV files the pages download, opening a dashboard and waiting for its redraws. */
import { expect } from 'vitest';
import { rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** RFC 4180 rows of a CSV text (quoted cells with "" and line breaks; CRLF row ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

/** Waits until the dashboard says everything is drawn, and checks it drew without error. */
export async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.rendered === 'true' || document.body.dataset.rendered === 'error', null, { timeout: 60_000 });
  expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('true');
}

/** Picks a value of a filter and waits for the redraw. */
export async function choose(page: Page, id: string, value: string): Promise<void> {
  await page.selectOption(id, value);
  await rendered(page);
}

/** A dashboard page at 1440 × 900, local files (and the blobs it downloads) only, its errors collected, once drawn. */
export async function openDashboardPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url().startsWith('file://') || route.request().url().startsWith('blob:') ? route.continue() : route.abort()));
  await page.goto(url);
  await rendered(page);
  return page;
}

/** A copy of the fixture run with its visuals emitted in `langs`, and a Chromium; `close()` ends the browser and removes the copy. */
export async function fixtureRunInBrowser(langs: readonly ('en' | 'fr')[] = ['en']): Promise<{ runDir: string; browser: Browser; close(): Promise<void> }> {
  const runDir = await copyOfFixtureRun();
  await emitVisuals(runDir, { asOf: FIXTURE_AS_OF, langs: [...langs] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    runDir, browser,
    close: async () => {
      await browser.close();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks the middle of the first mark of the chart (e.g. '#card-theme-sentiment svg g.mark-rect path') big enough
 * to hit (over 6 × 4 px); fails the test when there is none.
 */
export async function clickFirstMark(page: Page, selector: string): Promise<void> {
  const marks = page.locator(selector);
  const count = await marks.count();
  if (count === 0) throw new Error(`${selector}: no mark drawn`);
  await marks.first().scrollIntoViewIfNeeded();
  for (let i = 0; i < count; i++) {
    const box = await marks.nth(i).boundingBox();
    if (box && box.width > 6 && box.height > 4) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return;
    }
  }
  throw new Error(`${selector}: no mark large enough to click`);
}

/** The explorer's filters (window.ecouteExplorer.state()). */
export const explorerState = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() => (window as unknown as { ecouteExplorer: { state(): Record<string, string> } }).ecouteExplorer.state());

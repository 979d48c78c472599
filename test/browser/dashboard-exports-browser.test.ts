/**
 * The dashboard's downloads in headless Chromium on the fixture run: every table has a CSV button and
 * every chart SVG, PNG and CSV buttons, named in the page's language; a downloaded CSV holds the rows
 * the panel shows under the page's filters (owners' table under a period, call-back list and a chart
 * under a segment), a chart's SVG parses and carries the marks drawn on screen, its PNG is a PNG at
 * twice the size on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { ARGS, CHROMIUM, choose, openDashboardPage, parseCsv, rendered } from './browser-support.ts';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

let browser: Browser;
let runDir: string;
const errors: string[] = [];
type Row = Record<string, string | number | null>;

async function openDashboard(file = 'index.html'): Promise<Page> {
  return openDashboardPage(browser, pathToFileURL(join(runDir, 'dashboard', file)).href, errors);
}

async function download(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { file, bytes: readFileSync((await file.path())!) };
}

/** The rows of a downloaded CSV as objects keyed by its header row (the UTF-8 byte-order mark checked and dropped). */
async function downloadCsv(page: Page, button: string, name: string): Promise<Array<Record<string, string>>> {
  const { file, bytes } = await download(page, button);
  expect(file.suggestedFilename()).toBe(name);
  const text = bytes.toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const [head, ...rows] = parseCsv(text.slice(1));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

const cell = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the dashboard\'s downloads in a real browser', () => {
  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF, langs: ['en', 'fr'] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('every table has a CSV button, every chart SVG, PNG and CSV buttons, named in the page\'s language', async () => {
    for (const [file, csvName] of [['index.html', 'Download NPS trend as CSV'], ['index-fr.html', 'Télécharger « Évolution du NPS » en CSV']] as const) {
      const page = await openDashboard(file);
      const tables = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => {
        const panel = t.closest('section')!;
        return { panel: panel.id, csv: panel.querySelectorAll('.exports button[data-export="csv"]').length };
      }));
      expect(tables.map((t) => t.panel)).toEqual(expect.arrayContaining(['owners', 'callbacks']));
      for (const t of tables) expect(t.csv, `table in #${t.panel}`).toBe(1);
      expect(await page.locator('#explorer .exports button[data-export="csv"]').count()).toBe(1);
      const charts = await page.evaluate(() => [...document.querySelectorAll('section.card:not(.omitted)')].map((c) => ({
        id: c.id, formats: [...c.querySelectorAll('.exports button')].map((b) => (b as HTMLElement).dataset.export), svg: c.querySelectorAll('.chart svg').length,
      })));
      expect(charts.length).toBeGreaterThanOrEqual(8);
      for (const c of charts) {
        expect(c.svg, c.id).toBe(1);
        expect(c.formats, c.id).toEqual(['svg', 'png', 'csv']);
      }
      // the accessible name says what downloads and in which format
      await expect(page.getByRole('button', { name: csvName, exact: true }).count()).resolves.toBe(1);
      const unnamed = await page.evaluate(() => [...document.querySelectorAll('.exports button')].filter((b) => !/\b(CSV|SVG|PNG)\b/.test(b.getAttribute('aria-label') ?? '')).length);
      expect(unnamed).toBe(0);
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  it('a CSV holds the rows the panel shows under the page\'s filters', async () => {
    const page = await openDashboard();
    // owners: the rows of the table (top and bottom five) for the period with the most owners, in the table's order
    const payload = await page.evaluate(() => JSON.parse(document.getElementById('ecoute-data')!.textContent!) as { charts: Array<{ id: string; rows: Row[] }> });
    const ownerRows = payload.charts.find((c) => c.id === 'nps-by-owner')!.rows;
    const options = await page.locator('#filter-period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const count = (p: string): number => ownerRows.filter((r) => r.f_period === p).length;
    const quarter = options.filter((p) => p !== 'all').sort((a, b) => count(b) - count(a))[0]!;
    expect(count(quarter)).toBeGreaterThan(0);
    const allOwners = (await downloadCsv(page, '#owners-csv', 'owners.csv')).map((r) => `${r.owner}:${r.n}`);
    await choose(page, '#filter-period', quarter);
    const ranked = await page.locator('#owners tbody tr td:first-child').allInnerTexts();
    expect((await downloadCsv(page, '#owners-csv', 'owners.csv')).map((r) => r.owner)).toEqual(ranked);
    if (await page.locator('#owners-toggle').isVisible()) await page.click('#owners-toggle');
    const shown = await page.locator('#owners tbody tr td:first-child').allInnerTexts();
    const owners = await downloadCsv(page, '#owners-csv', 'owners.csv');
    expect(shown.length).toBe(count(quarter));
    expect(owners.map((r) => r.owner)).toEqual(shown);
    expect(Object.keys(owners[0]!)).toEqual(['owner', 'nps', 'ci_low', 'ci_high', 'n', 'small_n']);
    const quarterRows = ownerRows.filter((r) => r.f_period === quarter);
    for (const r of owners) {
      const source = quarterRows.find((q) => q.group === r.owner)!;
      expect(r.n).toBe(cell(source.n));
      expect(r.nps).toBe(cell(source.nps));
    }
    // the period changed the figures (not the unfiltered data)
    expect(owners.map((r) => `${r.owner}:${r.n}`)).not.toEqual(allOwners);

    // call-backs and a chart under a segment (the whole period)
    await page.click('#filter-reset');
    await rendered(page);
    const segment = (await page.locator('#filter-segment option').nth(1).getAttribute('value'))!;
    await choose(page, '#filter-segment', segment);
    const callbacks = await downloadCsv(page, '#callbacks-csv', 'callbacks.csv');
    expect(String(callbacks.length)).toBe(await page.locator('#callbacks').getAttribute('data-rows'));
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((r) => r.segment === segment)).toBe(true);
    const top = (await page.locator('#callbacks tbody tr td:nth-child(3)').allInnerTexts());
    expect(callbacks.slice(0, top.length).map((r) => `${r.account_name} (${r.account_id})`)).toEqual(top);
    const all = (JSON.parse(readFileSync(join(runDir, 'callback-list.json'), 'utf8')) as { rows: unknown[] }).rows.length;
    expect(callbacks.length).toBeLessThan(all);

    const theme = await downloadCsv(page, '#theme-sentiment-csv', 'theme-sentiment.csv');
    const drawn = await page.evaluate(() => (window as unknown as { ecouteDashboard: { rows(id: string): Row[] } }).ecouteDashboard.rows('theme-sentiment'));
    expect(String(theme.length)).toBe(await page.locator('#card-theme-sentiment').getAttribute('data-rows'));
    const key = (r: Record<string, string | number | null>): string => `${cell(r.theme_id)}|${cell(r.sentiment_label)}|${cell(r.mentions)}`;
    expect(theme.map(key).sort()).toEqual(drawn.map(key).sort());
    expect(Object.keys(theme[0]!).some((k) => k.startsWith('f_'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a chart downloads as an SVG with the marks drawn on screen and as a PNG', async () => {
    const page = await openDashboard();
    const svg = await download(page, '#nps-by-segment-svg');
    expect(svg.file.suggestedFilename()).toBe('nps-by-segment.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const labels = (root: ParentNode): string[] => [...root.querySelectorAll('.role-mark [aria-label], .role-mark path, .role-mark text')].map((e) => e.getAttribute('aria-label') ?? e.textContent ?? '');
      return {
        root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length,
        marks: labels(doc), onScreen: labels(document.querySelector('#card-nps-by-segment .chart svg')!),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.root).toBe('svg');
    expect(parsed.error).toBe(0);
    expect(parsed.marks.length).toBeGreaterThan(0);
    expect(parsed.marks).toEqual(parsed.onScreen);

    const png = await download(page, '#nps-by-segment-png');
    expect(png.file.suggestedFilename()).toBe('nps-by-segment.png');
    expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const width = png.bytes.readUInt32BE(16);
    const screen = await page.evaluate(() => Number(document.querySelector('#card-nps-by-segment .chart svg')!.getAttribute('width')));
    expect(width).toBe(Math.round(screen * 2));
    expect(errors).toEqual([]);
    await page.close();
  });
});

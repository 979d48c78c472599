/**
 * The dashboard of a CSAT-only program (the demo's CSAT surveys, NPS not mapped) in headless Chromium: every
 * card is drawn or says why not, the breakdowns and the theme impact are drawn with CSAT values (the bar
 * labels of csat-by-segment are the shares of the run's accepted answers, recomputed here), no chart or
 * panel says NPS, and the owners' table ranks owners by CSAT. (Issue 11, item 4.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ARGS, CHROMIUM, openDashboardPage } from './browser-support.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { singleScoreRun } from '../report/single-score-run.ts';

let browser: Browser;
let dir: string;

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the dashboard of a CSAT-only program', () => {
  beforeAll(async () => {
    dir = (await singleScoreRun('csat')).dir;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the breakdowns and the theme impact on CSAT, every other card says why it is missing', async () => {
    const run = join(dir, 'run');
    const db = await openDatabase(join(run, 'ecoute.duckdb'), { readOnly: true });
    const shares = await db.connection.runAndReadAll(
      `SELECT a.segment, 100 * avg((r.csat >= 4)::INTEGER) AS csat, count(*)::INTEGER AS n FROM responses r JOIN accounts a USING (account_id)
       WHERE r.csat IS NOT NULL GROUP BY a.segment ORDER BY a.segment`,
    ).then((r) => r.getRowObjectsJson());
    db.close();
    expect(shares.length).toBeGreaterThan(1);

    const errors: string[] = [];
    const page = await openDashboardPage(browser, pathToFileURL(join(run, 'current', 'dashboard', 'index.html')).href, errors);
    for (const note of await page.locator('section.card.omitted .note').allInnerTexts()) expect(note).toMatch(/^Not drawn for this run: .{10,}\.$/);
    const drawn = await page.locator('section.card:not(.omitted)').evaluateAll((cards) => cards.map((c) => c.id));
    for (const id of ['card-csat-trend', 'card-csat-by-segment', 'card-csat-by-region', 'card-csat-by-journey-stage', 'card-theme-impact']) expect(drawn).toContain(id);
    for (const id of drawn) expect(await page.locator(`#${id} svg`).count(), id).toBeGreaterThan(0);

    // the bars of CSAT by segment carry the share of satisfied answers and the n of each segment
    const bySegment = await page.locator('#card-csat-by-segment svg').textContent();
    expect(bySegment).toContain('CSAT by segment');
    for (const s of shares) expect(bySegment).toContain(`${Number(s.csat).toFixed(1)}  (n = ${Number(s.n).toLocaleString('en-US')})`);
    expect(await page.locator('#card-theme-impact svg').textContent()).toContain('Theme impact on CSAT');

    // no chart, card name or panel says NPS (the NPS trend and the NPS benchmark panel aside)
    const texts = await page.locator('section.card').evaluateAll((cards) => cards.filter((c) => !['card-nps-trend', 'card-benchmark-comparison'].includes(c.id)).map((c) => `${c.id}: ${c.textContent ?? ''}`));
    for (const t of texts) expect(t).not.toMatch(/NPS/);
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('No complete period');

    // the owners' table ranks the owners by CSAT
    const owners = page.locator('#owners');
    expect(await owners.locator('h2').innerText()).toBe('CSAT by account owner');
    expect(await owners.locator('th').allInnerTexts()).toContain('CSAT ▼');
    const spec = JSON.parse(readFileSync(join(run, 'current', 'specs', 'en', 'csat-by-owner.vl.json'), 'utf8')) as { data: { values: Array<{ group: string; score: number | null }> } };
    const best = spec.data.values.filter((v) => v.score !== null).sort((a, b) => b.score! - a.score! || (a.group < b.group ? -1 : 1))[0]!;
    expect(await owners.locator('tbody tr').first().locator('td').first().innerText()).toBe(best.group);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

/**
 * The "done when", in headless Chromium on the fixture run: a CX lead filters the dashboard to one
 * segment and the last quarter; the ARR-at-risk heatmap then draws that segment's cells only, with the
 * values of arr_at_risk_by_segment, and says it is not filtered by period (ARR at risk is as of the run
 * date); a click on its top cell opens the verbatim explorer on that theme, segment and negative
 * sentiment, matching the count made here from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, choose, fixtureRunInBrowser, openDashboardPage } from './browser-support.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { DASHBOARD_MESSAGES } from '../../src/report/dashboard/dashboard-messages.ts';

const ID = 'segment-theme-arr-at-risk';
let fixture: Awaited<ReturnType<typeof fixtureRunInBrowser>> | undefined;
const errors: string[] = [];
type Row = Record<string, string | number | boolean | null>;

async function query(sql: string, params: Record<string, string> = {}): Promise<Row[]> {
  const db = await openDatabase(join(fixture!.runDir, 'ecoute.duckdb'), { readOnly: true });
  try {
    return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJson() as Row[];
  } finally {
    db.close();
  }
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('ARR at risk by segment in a real browser', () => {
  beforeAll(async () => { fixture = await fixtureRunInBrowser(); });
  afterAll(async () => fixture?.close());

  it('filtered to a segment and the last quarter: that segment\'s cells with the SQL values; the top cell opens its negative verbatims', async () => {
    const cells = await query('SELECT segment, theme_id, active_accounts_mentioning AS accounts, round(arr_at_risk, 0) AS arr_at_risk FROM arr_at_risk_by_segment');
    const segments = [...new Set(cells.map((c) => String(c.segment)))];
    expect(segments.length).toBeGreaterThan(1);
    const page = await openDashboardPage(fixture!.browser, pathToFileURL(join(fixture!.runDir, 'dashboard', 'index.html')).href, errors);
    const card = page.locator(`#card-${ID}`);
    expect(Number(await card.getAttribute('data-rows'))).toBe(cells.length);
    const options = await page.locator('#filter-segment option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // the segment with the most cells (ties: the first by name), so the filter visibly removes others
    const segment = segments.filter((s) => options.includes(s))
      .sort((a, b) => cells.filter((c) => c.segment === b).length - cells.filter((c) => c.segment === a).length || (a < b ? -1 : 1))[0]!;
    const periods = await page.locator('#filter-period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const quarter = periods.filter((p) => p.startsWith('quarter:')).sort().at(-1)!;
    await choose(page, '#filter-segment', segment);
    await choose(page, '#filter-period', quarter);

    const mine = cells.filter((c) => c.segment === segment);
    expect(Number(await card.getAttribute('data-rows'))).toBe(mine.length);
    expect(await card.getAttribute('data-ignored')).toBe('period');
    expect(await card.locator('.note').innerText()).toContain(`Not filtered by period: ${DASHBOARD_MESSAGES.en.whyNotFiltered[ID]}`);
    const drawn = await page.evaluate((id) => (window as unknown as { ecouteDashboard: { rows(id: string): Row[] } }).ecouteDashboard.rows(id), ID);
    const key = (r: Row): string => JSON.stringify([r.segment, r.theme_id, Number(r.accounts), Number(r.arr_at_risk)]);
    expect(drawn.map(key).sort()).toEqual(mine.map(key).sort());
    const labels = await card.locator('svg g.mark-rect.role-mark path').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(mine.length);
    for (const l of labels) expect(l).toContain(`Segment: ${segment};`);

    // the top cell: the most ARR at risk in the segment
    const top = drawn.reduce((a, b) => (Number(b.arr_at_risk) > Number(a.arr_at_risk) ? b : a));
    const at = labels.findIndex((l) => l.includes(`Theme: ${String(top.theme)};`));
    expect(at).toBeGreaterThanOrEqual(0);
    const rect = card.locator('svg g.mark-rect.role-mark path').nth(at);
    await rect.scrollIntoViewIfNeeded();
    const box = (await rect.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const state = await page.evaluate(() => (window as unknown as { ecouteExplorer: { state(): Record<string, string> } }).ecouteExplorer.state());
    expect({ theme: state.theme, segment: state.segment, sentiment: state.sentiment }).toEqual({ theme: top.theme_id, segment, sentiment: 'negative' });
    expect(state.from).toBe(quarter.slice('quarter:'.length));
    const [n] = await query(`SELECT count(DISTINCT r.response_id)::INTEGER AS n FROM responses r JOIN theme_mentions m USING (response_id) LEFT JOIN accounts a USING (account_id)
      WHERE m.theme_id = $theme AND m.sentiment_label = 'negative' AND coalesce(a.segment, '(unknown)') = $segment
        AND r.submitted_at >= $from::DATE AND r.submitted_at < $to::DATE + INTERVAL 1 DAY AND trim(coalesce(r.verbatim, '')) <> ''`,
    { theme: String(top.theme_id), segment, from: state.from!, to: state.to! });
    expect(Number(n!.n)).toBeGreaterThan(0);
    expect(Number(await page.locator('#explorer').getAttribute('data-matches'))).toBe(Number(n!.n));
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Verbatim explorer benchmark: `npx tsx bench/explorer-bench.ts [run-dir] [repeats]`
 *
 * Builds the dashboard of a finished run (default out/demo/current, i.e. `npm run demo`: ~100k
 * responses, ~70k verbatims) into a temporary folder, opens it in headless Chromium
 * (/usr/bin/chromium) and times every explorer filter and search the way a user triggers them
 * (the control's value set, its input/change event dispatched): the explorer's own measure
 * (filter + sort + the page of 20 drawn + layout, document.body.dataset.explorerMs) and the
 * wall time of the event handler seen from the page. Prints the median and p95 per scenario and
 * over all, against the goal of 300 ms per filter or search (scenarios: explorer-scenarios.ts, shared with
 * serve-bench.ts).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildDashboard } from '../src/report/dashboard/build-dashboard.ts';
import { GOAL_MS, OPTION_SELECTS, SCENARIOS, stats, type ScenarioOptions } from './explorer-scenarios.ts';

const RUN_DIR = process.argv[2] ?? 'out/demo/current';
const REPEATS = Number(process.argv[3] ?? 15);

const out = mkdtempSync(join(tmpdir(), 'ecoute-explorer-bench-'));
let t0 = performance.now();
await buildDashboard(RUN_DIR, { outDir: out, embedMaxVerbatims: Number.MAX_SAFE_INTEGER }); // embedded, whatever the run's setting
console.log(`dashboard of ${RUN_DIR} built in ${((performance.now() - t0) / 1000).toFixed(1)} s; verbatims.js ${(statSync(join(out, 'verbatims.js')).size / 1e6).toFixed(1)} MB, index.html ${(statSync(join(out, 'index.html')).size / 1e6).toFixed(1)} MB`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  t0 = performance.now();
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await page.waitForFunction(() => document.body.dataset.explorer === 'ready', null, { timeout: 120_000 });
  const load = await page.evaluate(() => ({ loadedAt: Number(document.body.dataset.explorerLoadedAt), init: Number(document.body.dataset.explorerInitMs), n: (window as unknown as { ecouteVerbatims: { n: number } }).ecouteVerbatims.n }));
  console.log(`${load.n.toLocaleString('en-GB')} verbatims; explorer ready ${load.loadedAt.toFixed(0)} ms after navigation start (its own start-up ${load.init.toFixed(0)} ms)`);
  await page.waitForTimeout(2000); // the idle-time folding of the texts and the charts
  // the second option of each list (the first is "All"); no named function inside evaluate (tsx would wrap it in __name)
  const [theme, segment, arrBand] = await page.evaluate((ids) => ids.map((id) => (document.getElementById(id) as HTMLSelectElement).options[1]!.value), [...OPTION_SELECTS]);
  const opts: ScenarioOptions = { theme: theme!, segment: segment!, arrBand: arrBand! };

  const all: number[] = [];
  const allWall: number[] = [];
  console.log(`${'scenario'.padEnd(44)} ${'matches'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'wall p95'.padStart(9)}  (ms, ${REPEATS} repeats)`);
  for (const scenario of SCENARIOS) {
    const own: number[] = [];
    const wall: number[] = [];
    let matches = '';
    for (let r = 0; r < REPEATS; r++) {
      await page.click('#explorer-reset');
      const m = await page.evaluate((steps) => {
        let w = 0;
        for (const s of steps) {
          const node = document.getElementById(s.id) as HTMLInputElement;
          const start = performance.now();
          node.value = s.value;
          node.dispatchEvent(new Event(s.event, { bubbles: true }));
          w += performance.now() - start;
        }
        return { own: Number(document.body.dataset.explorerMs), wall: w, matches: document.getElementById('explorer')!.dataset.matches ?? '' };
      }, scenario.steps(opts));
      own.push(m.own);
      wall.push(m.wall);
      matches = m.matches;
    }
    all.push(...own);
    allWall.push(...wall);
    const s = stats(own);
    console.log(`${scenario.name.padEnd(44)} ${matches.padStart(8)} ${s.median.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${stats(wall).p95.toFixed(1).padStart(9)}`);
  }
  const s = stats(all);
  const w = stats(allWall);
  console.log(`all ${all.length} filters/searches: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (wall: median ${w.median.toFixed(1)}, p95 ${w.p95.toFixed(1)}); goal < ${GOAL_MS} ms: ${w.p95 < GOAL_MS ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}

/**
 * Served explorer benchmark: `npx tsx bench/serve-bench.ts [run-dir] [repeats]`
 *
 * Takes a finished run (default out/demo/current). When its dashboard embeds its verbatims, a served one is built
 * (settings.dashboard.embed_max_verbatims exceeded: 0) into a temporary run folder that links the run's database
 * and summary; a run whose dashboard is already served (e.g. the demo run with `dashboard: { embed_max_verbatims:
 * 50000 }`) is used as it is. Starts `ecoute serve <run-dir> --port 0` as a child process (the CLI from its
 * sources, through tsx), opens the address it prints in headless Chromium (/usr/bin/chromium) and sets every
 * scenario of bench/explorer-bench.ts (explorer-scenarios.ts) the way a user does, timing from the control's event
 * to the explorer's page drawn (the explorer's own measure, dataset.explorerMs: the API's answer and the drawing)
 * and each API request the page made (Resource Timing, request start to response end, by endpoint); then the
 * page's segment filter, which asks the explorer's page and both derived charts (until every chart is drawn), and,
 * as its baseline, the same filter on the embedded dashboard of the same run (built into a temporary folder,
 * opened from disk). Prints median / p95 per scenario and per endpoint, with n, against the goal of 300 ms for
 * the explorer's filters and searches.
 */
import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildDashboard } from '../src/report/dashboard/build-dashboard.ts';
import { GOAL_MS, OPTION_SELECTS, SCENARIOS, stats, type ScenarioOptions, type Step } from './explorer-scenarios.ts';

const RUN_DIR = resolve(process.argv[2] ?? 'out/demo/current');
const REPEATS = Number(process.argv[3] ?? 15);
const CLI = fileURLToPath(new URL('../src/cli/ecoute.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const isServed = (dir: string): boolean => {
  const page = join(dir, 'dashboard', 'index.html');
  return existsSync(page) && !existsSync(join(dir, 'dashboard', 'verbatims.js')) && readFileSync(page, 'utf8').includes('"mode":"served"');
};

let runDir = RUN_DIR;
let scratch: string | null = null;
if (!isServed(RUN_DIR)) {
  scratch = mkdtempSync(join(tmpdir(), 'ecoute-serve-bench-'));
  for (const name of ['ecoute.duckdb', 'run-summary.json']) symlinkSync(join(RUN_DIR, name), join(scratch, name));
  const t0 = performance.now();
  await buildDashboard(scratch, { outDir: join(scratch, 'dashboard'), embedMaxVerbatims: 0 });
  console.log(`served dashboard of ${RUN_DIR} built in ${((performance.now() - t0) / 1000).toFixed(1)} s (embed_max_verbatims 0)`);
  runDir = scratch;
}

/** `ecoute serve` in a child process; resolves with its address once it prints it. */
function startServe(dir: string): Promise<{ url: string; lines: string[]; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', TSX, CLI, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
  const lines: string[] = [];
  const stop = (): Promise<void> => new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
  });
  return new Promise((ok, fail) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      const url = /at (http:\/\/\S+)/.exec(parts.join('\n'))?.[1];
      if (url !== undefined) ok({ url, lines, stop });
    });
    child.once('exit', (code) => fail(new Error(`ecoute serve exited (${code}) before printing its address: ${lines.join('\n')}`)));
  });
}

interface Measure { own: number; wall: number; matches: string; api: Array<{ path: string; ms: number }> }

/** Sets the steps' controls and waits for the explorer's next page (and, with `charts`, every chart). */
function drive(page: Page, steps: readonly Step[], charts = false): Promise<Measure> {
  return page.evaluate(({ steps, charts }) => new Promise<Measure>((done) => {
    performance.clearResourceTimings();
    const body = document.body;
    const before = Number(body.dataset.explorerDraws ?? 0);
    const start = performance.now();
    for (const s of steps) {
      const node = document.getElementById(s.id) as HTMLInputElement;
      node.value = s.value;
      node.dispatchEvent(new Event(s.event, { bubbles: true }));
    }
    const observer = new MutationObserver(() => {
      if (Number(body.dataset.explorerDraws ?? 0) <= before || (charts && body.dataset.rendered !== 'true')) return;
      observer.disconnect();
      const wall = performance.now() - start;
      const api = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => ({ path: new URL(e.name).pathname + (new URL(e.name).searchParams.get('chart') === null ? '' : `?chart=${new URL(e.name).searchParams.get('chart')}`), ms: (e as PerformanceResourceTiming).responseEnd - e.startTime }));
      done({ own: Number(body.dataset.explorerMs), wall, matches: document.getElementById('explorer')!.dataset.matches ?? '', api });
    });
    observer.observe(body, { attributes: true });
  }), { steps: [...steps], charts });
}

const fmt = (x: number): string => x.toFixed(1).padStart(8);

/** The page's segment filter on the embedded dashboard of the same run (every chart redrawn), REPEATS times. */
async function embeddedPageFilter(browser: Browser, segment: string): Promise<number[]> {
  const out = mkdtempSync(join(tmpdir(), 'ecoute-serve-bench-embedded-'));
  try {
    await buildDashboard(RUN_DIR, { outDir: out, embedMaxVerbatims: Number.MAX_SAFE_INTEGER });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.waitForFunction(() => document.body.dataset.explorer === 'ready' && document.body.dataset.rendered === 'true', null, { timeout: 120_000 });
    await page.waitForTimeout(2000); // the idle-time folding of the texts
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      await page.evaluate(() => {
        const filter = document.getElementById('filter-segment') as HTMLSelectElement;
        filter.value = '';
        filter.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForFunction(() => document.body.dataset.rendered === 'true');
      times.push(await page.evaluate((value) => new Promise<number>((done) => {
        const start = performance.now();
        const filter = document.getElementById('filter-segment') as HTMLSelectElement;
        filter.value = value;
        filter.dispatchEvent(new Event('change', { bubbles: true }));
        const observer = new MutationObserver(() => {
          if (document.body.dataset.rendered !== 'true') return;
          observer.disconnect();
          done(performance.now() - start);
        });
        observer.observe(document.body, { attributes: true });
      }), segment));
    }
    await page.close();
    return times;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const server = await startServe(runDir);
console.log(server.lines.join('\n'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const t0 = performance.now();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.explorer === 'ready' && document.body.dataset.rendered === 'true', null, { timeout: 120_000 });
  const n = await page.evaluate(() => document.getElementById('explorer')!.dataset.matches ?? '');
  console.log(`${Number(n).toLocaleString('en-GB')} verbatims served; page, explorer and charts drawn ${(performance.now() - t0).toFixed(0)} ms after navigation`);
  const [theme, segment, arrBand] = await page.evaluate((ids) => ids.map((id) => (document.getElementById(id) as HTMLSelectElement).options[1]!.value), [...OPTION_SELECTS]);
  const opts: ScenarioOptions = { theme: theme!, segment: segment!, arrBand: arrBand! };

  const all: number[] = [];
  let pageFilter: number[] = [];
  const byEndpoint = new Map<string, number[]>();
  const record = (m: Measure): void => {
    for (const a of m.api) byEndpoint.set(a.path, [...(byEndpoint.get(a.path) ?? []), a.ms]);
  };
  console.log(`${'scenario'.padEnd(44)} ${'matches'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'API p95'.padStart(8)}  (ms, event to page drawn; ${REPEATS} repeats)`);
  const scenarios = [
    ...SCENARIOS.map((s) => ({ name: s.name, steps: s.steps(opts), charts: false })),
    { name: 'page filter: segment (explorer + derived charts)', steps: [{ id: 'filter-segment', value: opts.segment, event: 'change' as const }], charts: true },
  ];
  for (const scenario of scenarios) {
    const own: number[] = [];
    const api: number[] = [];
    let matches = '';
    for (let r = 0; r < REPEATS; r++) {
      // back to no filter, on the page and in the explorer (waited for, not timed)
      await page.evaluate(() => {
        const filter = document.getElementById('filter-segment') as HTMLSelectElement;
        if (filter.value !== '') {
          filter.value = '';
          filter.dispatchEvent(new Event('change', { bubbles: true }));
        }
        (document.getElementById('explorer-reset') as HTMLButtonElement).click();
      });
      await page.waitForFunction(() => document.getElementById('explorer')!.dataset.state === 'ready' && document.body.dataset.rendered === 'true');
      const m = await drive(page, scenario.steps, scenario.charts);
      own.push(scenario.charts ? m.wall : m.own);
      api.push(...m.api.map((a) => a.ms));
      record(m);
      matches = m.matches;
    }
    if (scenario.charts) pageFilter = own;
    else all.push(...own);
    const s = stats(own);
    console.log(`${scenario.name.padEnd(44)} ${matches.padStart(8)} ${fmt(s.median)} ${fmt(s.p95)} ${fmt(stats(api).p95)}`);
  }
  console.log(`\n${'API endpoint (requests the page made)'.padEnd(53)} ${'n'.padStart(5)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`);
  for (const [path, xs] of [...byEndpoint.entries()].sort()) {
    const s = stats(xs);
    console.log(`${path.padEnd(53)} ${String(xs.length).padStart(5)} ${fmt(s.median)} ${fmt(s.p95)}`);
  }
  const s = stats(all);
  console.log(`\nexplorer, all ${all.length} filters/searches: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms; goal < ${GOAL_MS} ms: ${s.p95 < GOAL_MS ? 'met' : 'NOT met'}`);
  const baseline = stats(await embeddedPageFilter(browser, opts.segment));
  const served = stats(pageFilter);
  console.log(`page segment filter, every chart redrawn: served median ${served.median.toFixed(1)} ms, p95 ${served.p95.toFixed(1)} ms; the embedded dashboard of the same run (baseline): median ${baseline.median.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.stop();
  if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
}

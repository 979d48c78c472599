/**
 * Per-owner dashboards in headless Chromium: each owner's page, once drawn, holds that owner's accounts,
 * and no other owner's name, account (id or name held only by another owner), verbatim (text only another
 * owner's customers wrote) or call-back; it has no owner ranking. File names are a keyed hash: stable for
 * a key, different under another key, and not derivable from the owner's name alone.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ARGS } from './browser-support.ts';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { ownerPageName } from '../../src/report/owners/owner-page-name.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';

const KEY = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

interface OwnerData { accountIds: Set<string>; accountNames: Set<string>; verbatims: Set<string> }

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('per-owner dashboards in a real browser', () => {
  let browser: Browser;
  let runDir: string;
  const owners = new Map<string, OwnerData>();
  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF, langs: ['en'], ownerKey: KEY, minN: 30 });
    const db = await openDatabase(join(runDir, 'ecoute.duckdb'), { readOnly: true });
    try {
      const rows = (await db.connection.runAndReadAll(
        `SELECT a.owner, a.account_id, a.name, r.verbatim FROM accounts a LEFT JOIN responses r ON r.account_id = a.account_id WHERE a.owner IS NOT NULL`,
      )).getRowObjectsJson();
      for (const r of rows) {
        const o = String(r.owner);
        let d = owners.get(o);
        if (d === undefined) owners.set(o, (d = { accountIds: new Set(), accountNames: new Set(), verbatims: new Set() }));
        d.accountIds.add(String(r.account_id));
        d.accountNames.add(String(r.name));
        if (r.verbatim !== null) d.verbatims.add(String(r.verbatim));
      }
    } finally {
      db.close();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('names pages by a keyed hash and lists them in the administrator index', () => {
    const dir = join(runDir, 'dashboard', 'owners');
    const files = readdirSync(dir).filter((f) => f !== 'index.html').sort();
    expect(files.length).toBe(owners.size);
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const owner of owners.keys()) {
      const name = ownerPageName(KEY, owner);
      expect(files).toContain(`${name}.html`);
      expect(index).toContain(`href="${name}.html"`);
      expect(name).not.toBe(ownerPageName(Buffer.alloc(32, 1), owner)); // another key, another name
      expect(name).not.toBe(createHash('sha256').update(owner).digest('hex').slice(0, 32)); // not the plain hash of the name
      for (const part of owner.toLowerCase().split(/\s+/)) expect(name).not.toContain(part);
    }
  });

  it('each owner page shows only its owner\'s customers, with no ranking of owners', async () => {
    const names = [...owners.keys()].sort();
    const checked = [names[0]!, names[Math.floor(names.length / 2)]!, names[names.length - 1]!];
    for (const owner of checked) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(join(runDir, 'dashboard', 'owners', `${ownerPageName(KEY, owner)}.html`)).href);
      await page.waitForFunction(() => document.body.dataset.rendered === 'true' || document.body.dataset.rendered === 'error', null, { timeout: 30_000 });
      expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('true');
      const html = await page.content(); // the drawn page, payload included
      const text = await page.locator('body').innerText();
      const mine = owners.get(owner)!;
      expect(await page.locator('section.card svg').count()).toBeGreaterThanOrEqual(1);
      expect([...mine.accountNames].some((n) => text.includes(n))).toBe(true);
      expect([...mine.verbatims].some((v) => html.includes(`:${JSON.stringify(v)}`))).toBe(true); // the verbatim check below can fail
      for (const [other, d] of owners) {
        if (other === owner) continue;
        expect(html.includes(other), `${owner}'s page names ${other}`).toBe(false);
        for (const id of d.accountIds) expect(html.includes(`"${id}"`), `${owner}'s page holds account ${id} of ${other}`).toBe(false);
        for (const n of d.accountNames) if (!mine.accountNames.has(n)) expect(text.includes(n), `${owner}'s page shows ${n} of ${other}`).toBe(false);
        for (const v of d.verbatims) if (!mine.verbatims.has(v) && v.length > 40) expect(html.includes(`:${JSON.stringify(v)}`), `${owner}'s page quotes ${other}'s customer: ${v}`).toBe(false);
      }
      expect(await page.locator('#card-nps-by-owner').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);
});

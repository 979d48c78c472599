/**
 * `ecoute report <run-dir> --pdf`: the report printed by headless Chromium is a PDF (header, A4 pages,
 * more than one, a plausible size) beside the HTML; without --pdf the command never loads
 * playwright-core (a nightly run needs no browser); a Chromium path that does not exist, and a
 * missing playwright-core, fail with exit 1 and say how to install or choose the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCliChild } from '../cli/cli-child.ts';
import { CHROMIUM } from '../browser/browser-support.ts';
import { pdfPageCount, resolveChromium } from '../../src/report/executive/print-pdf.ts';
import { copyOfFixtureRun } from './fixture-run.ts';

let runDir: string;
const errorOf = (stdout: string): string => (JSON.parse(stdout) as { error: { message: string } }).error.message;

describe('the executive report as PDF', () => {
  beforeAll(async () => { runDir = await copyOfFixtureRun(); });
  afterAll(() => { if (runDir) rmSync(runDir, { recursive: true, force: true }); });

  it.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('--pdf prints report-<lang>.html to an A4 PDF of several pages', async () => {
    const out = join(runDir, 'report-pdf');
    const r = await runCliChild(['report', runDir, '--lang', 'fr', '--out', out, '--pdf', '--chromium', CHROMIUM, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: string[] }).files;
    expect(files).toContain(join(out, 'report-fr.pdf'));
    const pdf = readFileSync(join(out, 'report-fr.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    expect(pdf.length).toBeGreaterThan(20_000);
    // A4 in points (595 × 842) on every page
    const boxes = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box.replace(/\s+/g, ' ')).toMatch(/\[ ?0 0 59[45](\.\d+)? 84[12](\.\d+)? ?\]/);
  });

  it('without --pdf the report command never loads playwright-core', async () => {
    const r = await runCliChild(['report', runDir, '--out', join(runDir, 'report-plain')], { imports: ['record-imports.mjs'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^resolved playwright-core$/m);
    expect(existsSync(join(runDir, 'report-plain', 'report-en.pdf'))).toBe(false);
  });

  it('a Chromium that is not there, or no playwright-core, fails with how to install or choose the browser', async () => {
    const missing = join(runDir, 'no-such-chromium');
    const r = await runCliChild(['report', runDir, '--out', join(runDir, 'report-x'), '--pdf', '--chromium', missing, '--json']);
    expect(r.code).toBe(1);
    const message = errorOf(r.stdout);
    expect(message).toContain(`--chromium ${missing}: no such file`);
    for (const hint of ['npm i playwright-core', 'apt-get install chromium', '--chromium PATH', 'ECOUTE_CHROMIUM']) expect(message).toContain(hint);
    expect(() => resolveChromium({}, { ECOUTE_CHROMIUM: missing })).toThrow(`ECOUTE_CHROMIUM ${missing}: no such file`);

    const hidden = await runCliChild(['report', runDir, '--out', join(runDir, 'report-y'), '--pdf', '--chromium', CHROMIUM, '--json'], { imports: ['hide-playwright.mjs'] });
    expect(hidden.code).toBe(1);
    expect(errorOf(hidden.stdout)).toMatch(/^playwright-core is not installed .*npm i playwright-core/);

    const usage = await runCliChild(['report', runDir, '--chromium', CHROMIUM]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--chromium: only with --pdf');
  });
});

/**
 * `ecoute testimonials`: consent is strict (a promoter who said no, or did not answer, never appears), only
 * promoters are exported, verbatims are PII-redacted, no account name leaves, the 20 % rule is checked on
 * the selection a page would show (exit 1 and a message when broken), and a run without a consent column
 * exports nothing and says why. An unreadable consent answer is quarantined with its field.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { checkNegativeShare } from '../../src/report/testimonials/negative-share-rule.ts';
import { testimonialRuleMessage } from '../../src/cli/format-testimonials.ts';
import { createFixture, csvText, quarantineLines, type Fixture } from '../ingest/helpers.ts';

const HEADER = ['id', 'contact', 'account', 'submitted_at', 'nps', 'comment', 'consent'];
// [id, nps, consent, comment]
const ROWS: Array<[string, string, string, string]> = [
  ['P1', '10', 'yes', 'Great product, the team is wonderful. Write to me at ann.lee@example.com'],
  ['P2', '9', 'Oui', 'Très bon outil, je le recommande'],
  ['P3', '10', 'true', 'Excellent support and a great onboarding'],
  ['P4', '9', 'YES', 'We love the dashboards'],
  ['P5', '10', '1', 'Reliable and fast, great value'],
  ['P6', '9', 'yes', 'Very good service overall'],
  ['N1', '10', 'no', 'NOCONSENT-1 superb tool'],
  ['N2', '9', 'non', 'NOCONSENT-2 excellent'],
  ['N3', '10', '', 'NOCONSENT-3 blank answer'],
  ['D1', '3', 'yes', 'DETRACTOR-1 terrible billing'],
  ['X1', '10', 'maybe', 'BADCONSENT-1 fine'],
];

function capture(): { out: Output; text: () => string; err: (t: string) => void; errors: () => string } {
  let text = '';
  let errors = '';
  return { out: { write: (t) => { text += t; } }, text: () => text, err: (t) => { errors += t; }, errors: () => errors };
}

/** A writable copy of a published run, with the verbatim sentiment of the given responses set. */
async function copyWithSentiment(runDir: string, negative: readonly string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-testimonials-'));
  for (const f of ['ecoute.duckdb', 'run-summary.json']) cpSync(join(runDir, f), join(dir, f));
  chmodSync(join(dir, 'ecoute.duckdb'), 0o644);
  const db = await openDatabase(join(dir, 'ecoute.duckdb'));
  try {
    await db.connection.run("UPDATE verbatim_sentiment SET sentiment_label = 'positive'");
    for (const id of negative) await db.connection.run("UPDATE verbatim_sentiment SET sentiment_label = 'negative' WHERE response_id = $id", { id });
    await db.connection.run('CHECKPOINT');
  } finally {
    db.close();
  }
  return dir;
}

describe('testimonials with consent', () => {
  let fx: Fixture;
  let runDir: string;
  let noConsentRun: string;
  const copies: string[] = [];
  beforeAll(async () => {
    fx = createFixture();
    fx.write('responses.csv', csvText([HEADER, ...ROWS.map(([id, nps, consent, comment], i) => [id, `C${i}`, `A${i % 3}`, `2024-05-${String(10 + i).padStart(2, '0')}`, nps, `"${comment}"`, consent])]));
    fx.write('accounts.csv', csvText([['id', 'name', 'segment'], ['A0', 'Secret Corp', 'SMB'], ['A1', 'Hidden SAS', 'Enterprise'], ['A2', 'Private Ltd', 'SMB']]));
    const accounts = { path: 'accounts.csv', columns: { account_id: 'id', name: 'name', segment: 'segment' } };
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', contact_id: 'contact', account_id: 'account', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment', consent: 'consent' } }, accounts } });
    runDir = (await fx.run('out')).nightDir;
    fx.pipeline({ sources: { accounts } }); // the default responses mapping: no consent column
    noConsentRun = (await fx.run('out-no-consent')).nightDir;
  }, 180_000);
  afterAll(() => {
    fx?.cleanup();
    copies.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('an unreadable consent answer is quarantined with its field', async () => {
    expect(await quarantineLines(runDir)).toEqual([[12, 'invalid_value', 'consent', 'maybe']]);
  });

  it('exports only consented promoters, redacted, with segment and date and no names; the rule holds at 1 negative of 6', async () => {
    const dir = await copyWithSentiment(runDir, ['P6']);
    copies.push(dir);
    const c = capture();
    const out = join(dir, 'review');
    expect(await main(['node', 'ecoute', 'testimonials', dir, '--out', out, '--json'], c.out, c.err)).toBe(0);
    const result = JSON.parse(c.text()) as { exported: number; consented: number; rule: { negative: number; total: number; ok: boolean } };
    expect(result).toMatchObject({ exported: 6, consented: 7, rule: { negative: 1, total: 6, ok: true } });
    const csv = readFileSync(join(out, 'testimonials.csv'), 'utf8');
    const html = readFileSync(join(out, 'testimonials.html'), 'utf8');
    for (const id of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']) expect(csv).toContain(`${id},`);
    for (const text of [csv, html]) {
      expect(text).not.toMatch(/NOCONSENT|DETRACTOR|BADCONSENT/);
      expect(text).not.toContain('ann.lee@example.com');
      expect(text).not.toMatch(/Secret Corp|Hidden SAS|Private Ltd/);
    }
    expect(csv).toContain('[email]');
    expect(csv.split('\r\n')[0]).toBe('response_id,date,segment,nps,language,sentiment,text');
    expect(csv).toMatch(/P1,2024-05-10,SMB,10,/);
    expect(html).toContain('class="rule-ok"');
  });

  it('--min-nps 10 and --limit narrow the page; a second negative of six breaks the 20 % rule: exit 1, files kept for review', async () => {
    const dir = await copyWithSentiment(runDir, ['P5', 'P6']);
    copies.push(dir);
    const c = capture();
    const out = join(dir, 'review');
    expect(await main(['node', 'ecoute', 'testimonials', dir, '--out', out], c.out, c.err)).toBe(1);
    expect(c.text()).toContain('negative: 2 of 6 (33.3 %)');
    const rule = checkNegativeShare(['negative', 'negative', 'positive', 'positive', 'positive', 'positive']);
    expect(rule).toEqual({ total: 6, negative: 2, share: 2 / 6, ok: false });
    expect(c.errors()).toContain(testimonialRuleMessage(rule));
    expect(readFileSync(join(out, 'testimonials.html'), 'utf8')).toContain('class="rule-failed"');
    const narrow = capture();
    expect(await main(['node', 'ecoute', 'testimonials', dir, '--out', join(dir, 'narrow'), '--min-nps', '10', '--limit', '2'], narrow.out, narrow.err)).toBe(1);
    // NPS 10 consented: P1, P3, P5, the latest two are P5 (negative) and P3
    expect(narrow.text()).toContain('2 testimonials exported');
    expect(narrow.text()).toContain('negative: 1 of 2 (50.0 %)');
    const csv = readFileSync(join(dir, 'narrow', 'testimonials.csv'), 'utf8');
    expect(csv).toMatch(/^P5,/m);
    expect(csv).toMatch(/^P3,/m);
    expect(csv).not.toMatch(/^P1,/m);
  });

  it('the rule: strictly under 20 %', () => {
    expect(checkNegativeShare(['negative', ...new Array<string>(4).fill('positive')]).ok).toBe(false); // 1 of 5 = 20 %
    expect(checkNegativeShare(['negative', ...new Array<string>(5).fill('positive')]).ok).toBe(true); // 1 of 6
    expect(checkNegativeShare([]).ok).toBe(true);
  });

  it('without a consent column nothing is exported and the command says why', async () => {
    const c = capture();
    const out = join(fx.dir, 'none');
    expect(await main(['node', 'ecoute', 'testimonials', noConsentRun, '--out', out], c.out, c.err)).toBe(1);
    expect(c.errors()).toMatch(/no response records a testimonial consent/);
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * Golden specs: emitVisuals on the small deterministic fixture run must write exactly the committed
 * test/golden/specs/<lang>/<chart>.vl.json. A missing golden is written locally but fails in CI; a
 * mismatch writes <chart>-changed.vl.json beside the golden for review. Also checks that a second
 * run gives byte-identical specs, reports and call-back list, and that every spec is valid,
 * compiles without warnings and renders.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { compileChart, renderSvg } from '../../src/charts/compile-spec.ts';
import { createValidator } from '../charts/json-schema.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF, XSS_VERBATIMS } from '../report/fixture-run.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { loadThemeCandidates } from '../../src/classify/discovery/theme-candidates-store.ts';
import { EMERGING_THEMES } from '../../src/report/executive/report-facts.ts';

const GOLDEN = fileURLToPath(new URL('./specs/', import.meta.url));
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const validate = createValidator(schema);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('visuals of the fixture run', () => {
  it('match the golden specs, are deterministic, valid, and render', async () => {
    const a = await copyOfFixtureRun();
    const b = await copyOfFixtureRun();
    dirs.push(a, b);
    const first = await emitVisuals(a, { asOf: FIXTURE_AS_OF });
    const second = await emitVisuals(b, { asOf: FIXTURE_AS_OF, langs: ['en', 'fr'] });
    expect(first.files).toEqual(second.files);
    for (const f of first.files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(first.timings.total_seconds).toBeLessThan(30);

    const mismatches: string[] = [];
    const written: string[] = [];
    for (const lang of ['en', 'fr']) {
      const dir = join(a, 'specs', lang);
      for (const name of readdirSync(dir).sort()) {
        const actual = readFileSync(join(dir, name), 'utf8');
        const spec = JSON.parse(actual) as TopLevelSpec;
        expect(validate(spec), `${lang}/${name}`).toBeUndefined();
        expect(compileChart(spec).warnings, `${lang}/${name}`).toEqual([]);
        expect((await renderSvg(spec)).svg).toContain('<svg');
        const golden = join(GOLDEN, lang, name);
        const changed = golden.replace(/\.vl\.json$/, '-changed.vl.json');
        if (!existsSync(golden)) {
          if (process.env.CI) mismatches.push(`${lang}/${name}: no golden file (run the tests locally and commit test/golden/specs)`);
          else {
            mkdirSync(join(GOLDEN, lang), { recursive: true });
            writeFileSync(golden, actual);
            written.push(`${lang}/${name}`);
          }
        } else if (readFileSync(golden, 'utf8') !== actual) {
          writeFileSync(changed, actual);
          mismatches.push(`${lang}/${name}: differs from the golden; see ${changed}`);
        } else rmSync(changed, { force: true });
      }
    }
    expect(mismatches).toEqual([]);
    if (written.length > 0) console.warn(`wrote missing golden specs: ${written.join(', ')}`);

    // the call-back list: hostile verbatims present, redacted, formula-safe
    const csv = readFileSync(join(a, 'callback-list.csv'), 'utf8');
    const json = JSON.parse(readFileSync(join(a, 'callback-list.json'), 'utf8')) as { rows: Array<{ response_id: string; verbatim: string; due_by: string; submitted_at: string; arr_at_risk: number | null }> };
    const xss = json.rows.filter((r) => r.response_id.startsWith('RSP-XSS-'));
    expect(xss).toHaveLength(XSS_VERBATIMS.length);
    expect(xss.every((r) => !r.verbatim.includes('jane.doe@example.com'))).toBe(true);
    expect(xss.some((r) => r.verbatim.includes('[email]'))).toBe(true);
    for (const r of json.rows) expect(Date.parse(r.due_by) - Date.parse(r.submitted_at)).toBe(48 * 3600 * 1000);
    const risks = json.rows.map((r) => r.arr_at_risk ?? -1);
    expect(risks).toEqual([...risks].sort((x, y) => y - x));
    expect(csv).not.toContain('jane.doe@example.com');
    expect(csv.split('\r\n')[0]).toMatch(/^due_by,status,account_id/);

    // the reports: both languages, hostile verbatims escaped, classifier named
    for (const lang of ['en', 'fr']) {
      const html = readFileSync(join(a, 'report', `report-${lang}.html`), 'utf8');
      expect(html).not.toMatch(/<script|<img|href="javascript/i);
      expect(html).toContain('embedded default');
      expect(readFileSync(join(a, 'report', `report-${lang}.md`), 'utf8')).toContain(`](svg-${lang}/nps-trend.svg)`);
    }

    // emerging themes: the report lists the top candidates with negative clauses, by priority (size × negative share)
    const db = await openDatabase(join(a, 'ecoute.duckdb'), { readOnly: true });
    const candidates = await loadThemeCandidates(db.connection).finally(() => db.close());
    const listed = candidates.filter((c) => c.priority > 0).slice(0, EMERGING_THEMES);
    expect(listed.length).toBeGreaterThan(0);
    const html = readFileSync(join(a, 'report', 'report-en.html'), 'utf8');
    const section = html.slice(html.indexOf('Emerging themes outside the taxonomy'));
    expect(section.length).toBeLessThan(html.length);
    let at = 0;
    for (const c of listed) {
      const next = section.indexOf(c.candidateId, at);
      expect(next, `${c.candidateId} (${c.name}) listed in priority order`).toBeGreaterThan(at);
      expect(section).toContain(`“${c.name.replaceAll('&', '&amp;')}”`);
      at = next;
    }
    expect(readFileSync(join(a, 'report', 'report-fr.html'), 'utf8')).toContain('Thèmes émergents hors de la taxonomie');
  });
});

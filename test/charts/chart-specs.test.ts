/**
 * Every chart of the catalog, in both languages, built without data and bound to small fixture
 * rows: valid against the installed Vega-Lite JSON schema, compiles to Vega with zero warnings,
 * renders to SVG in Node with zero warnings, and the builder neither mutates rows nor reads them.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHART_CATALOG, chartCatalog } from '../../src/charts/chart-catalog.ts';
import { CES_DIRECTIONS } from '../../src/analyze/metrics/headline-metric.ts';
import { CHART_MESSAGES } from '../../src/charts/chart-messages.ts';
import { compileChart, renderSvg } from '../../src/charts/compile-spec.ts';
import { DATA_NAME, withInlineData, withLocale } from '../../src/charts/spec-base.ts';
import { createValidator } from './json-schema.ts';
import { fixtureFor } from './chart-fixtures.ts';

const schemaPath = fileURLToPath(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const validate = createValidator(schema);

describe('chart specs', () => {
  it('the catalog has every chart the issue asks for, with unique ids', () => {
    const ids = CHART_CATALOG.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['nps-trend', 'nps-by-segment', 'nps-by-region', 'nps-by-journey-stage', 'nps-by-owner', 'theme-impact', 'driver-quadrant',
      'dissatisfier-ranking', 'segment-theme-arr-at-risk', 'churn-lift', 'theme-sentiment', 'segment-theme-heatmap', 'response-rate']) expect(ids).toContain(id);
  });

  it('the validator catches a broken spec (so passing means something)', () => {
    const spec = withInlineData(CHART_CATALOG[0]!.build(CHART_MESSAGES.en), fixtureFor('nps-trend'));
    expect(validate(spec)).toBeUndefined();
    expect(validate({ ...spec, mark: 'barr' })).toBeDefined();
    expect(validate({ ...spec, encoding: { x: { field: 'a', type: 'quantitativ' } } })).toBeDefined();
  });

  it('a CSAT or CES program draws its breakdowns on its score and names it in theme impact and key drivers', () => {
    for (const [metric, ces] of [['csat', 'higher_is_easier'], ['ces', 'higher_is_easier'], ['ces', 'lower_is_easier']] as const) {
      const catalog = chartCatalog(metric, ces);
      const ids = catalog.map((c) => c.id);
      expect(ids.slice(0, 5)).toEqual([`${metric}-trend`, `${metric}-by-segment`, `${metric}-by-region`, `${metric}-by-journey-stage`, `${metric}-by-owner`]);
      expect(ids).toContain('nps-trend');
      expect(ids.filter((id) => id.startsWith('nps-by-'))).toEqual([]);
      for (const def of catalog.filter((c) => c.id.includes('-by-') || c.id === 'theme-impact' || c.id === 'driver-quadrant')) {
        for (const lang of ['en', 'fr'] as const) {
          const spec = JSON.stringify(def.build(CHART_MESSAGES[lang]));
          expect(spec, `${metric} ${def.id} ${lang}`).not.toContain('NPS');
          expect(spec, `${metric} ${def.id} ${lang}`).toContain(metric.toUpperCase());
        }
      }
      expect(catalog.find((c) => c.id === `${metric}-by-segment`)?.params).toEqual({ metric, dimension: 'segment' });
    }
    // CES, a mean on 1–7, is written with two decimals on its bars
    expect(JSON.stringify(chartCatalog('ces', 'higher_is_easier').find((c) => c.id === 'ces-by-segment')!.build(CHART_MESSAGES.en))).toContain("format(datum.score, '.2f')");
    expect(JSON.stringify(CHART_CATALOG.find((c) => c.id === 'nps-by-segment')!.build(CHART_MESSAGES.en))).toContain("format(datum.score, '.1f')");
  });

  it('CES charts name the direction of the scale and colour theme impact by it (ease: below zero costs; effort: above zero costs)', () => {
    const build = (ces: (typeof CES_DIRECTIONS)[number], id: string, lang: 'en' | 'fr' = 'en'): string => JSON.stringify(chartCatalog('ces', ces).find((c) => c.id === id)!.build(CHART_MESSAGES[lang]));
    expect(build('higher_is_easier', 'ces-by-segment')).toContain('CES (ease on 1–7, higher is easier)');
    expect(build('lower_is_easier', 'ces-by-segment')).toContain('CES (effort on 1–7, lower is easier)');
    expect(build('higher_is_easier', 'ces-by-segment', 'fr')).toContain('plus haut = plus facile');
    expect(build('higher_is_easier', 'ces-trend')).toContain('CES (ease, 1–7)');
    expect(build('lower_is_easier', 'ces-trend')).toContain('CES (effort, 1–7)');
    expect(build('higher_is_easier', 'theme-impact')).toContain("datum.impact < 0 ? 'cost' : 'gain'");
    expect(build('higher_is_easier', 'theme-impact')).toContain('below zero: less ease');
    expect(build('lower_is_easier', 'theme-impact')).toContain("datum.impact > 0 ? 'cost' : 'gain'");
    expect(build('lower_is_easier', 'theme-impact')).toContain('above zero: more effort');
    // an NPS program's CES trend follows the direction too
    expect(JSON.stringify(chartCatalog('nps', 'lower_is_easier').find((c) => c.id === 'ces-trend')!.build(CHART_MESSAGES.en))).toContain('CES (effort, 1–7)');
  });

  for (const lang of ['en', 'fr'] as const) {
    for (const def of [...CHART_CATALOG, ...chartCatalog('csat', 'higher_is_easier').filter((c) => c.id.startsWith('csat-by-') || c.id === 'theme-impact'), ...chartCatalog('ces', 'lower_is_easier').filter((c) => c.id.startsWith('ces-by-'))]) {
      it(`${def.id}${def.id === 'theme-impact' && def !== CHART_CATALOG.find((c) => c.id === 'theme-impact') ? ' on CSAT' : ''} (${lang}): schema-valid, compiles and renders without warnings`, async () => {
        const spec = withLocale(def.build(CHART_MESSAGES[lang]), lang);
        expect(spec.data).toEqual({ name: DATA_NAME });
        expect(JSON.stringify(spec)).toBe(JSON.stringify(withLocale(def.build(CHART_MESSAGES[lang]), lang)));
        const rows = fixtureFor(def.id);
        expect(rows.length).toBeGreaterThan(0);
        const before = JSON.stringify(rows);
        const bound = withInlineData(spec, rows);
        expect(validate(bound)).toBeUndefined();
        const compiled = compileChart(bound);
        expect(compiled.warnings).toEqual([]);
        const { svg, warnings } = await renderSvg(bound);
        expect(warnings).toEqual([]);
        expect(svg.startsWith('<svg')).toBe(true);
        const title = (spec.title as { text: string }).text;
        expect(svg).toContain(title.split(' ')[0]);
        expect(JSON.stringify(rows)).toBe(before);
        // markup in a label is drawn as text, never as elements
        if (JSON.stringify(rows).includes('<b>')) {
          expect(svg).not.toContain('<b>');
          expect(svg).toContain('&lt;b&gt;');
        }
      });
    }
  }

  it('renders with zero rows without throwing (empty periods, suppressed cells)', async () => {
    for (const def of CHART_CATALOG) {
      const { svg } = await renderSvg(withInlineData(def.build(CHART_MESSAGES.en), []));
      expect(svg).toContain('<svg');
    }
  });
});

/**
 * The ARR-at-risk heatmap (segment × theme): placed right after the dissatisfier ranking, filtered by
 * segment but not by period (with the reason in both languages), drilling to the negative verbatims of
 * the clicked theme and segment; drawn with the value in the reader's money format, the cells not
 * reliably above zero grey and labelled so in their tooltip, with the interval, accounts and q.
 */
import { describe, it, expect } from 'vitest';
import { CHART_CATALOG } from '../../src/charts/chart-catalog.ts';
import { CHART_MESSAGES } from '../../src/charts/chart-messages.ts';
import { renderSvg } from '../../src/charts/compile-spec.ts';
import { withInlineData, withLocale } from '../../src/charts/spec-base.ts';
import { DASHBOARD_MESSAGES } from '../../src/report/dashboard/dashboard-messages.ts';
import { fixtureFor } from './chart-fixtures.ts';

const ID = 'segment-theme-arr-at-risk';
const def = CHART_CATALOG.find((c) => c.id === ID)!;

async function draw(lang: 'en' | 'fr'): Promise<{ svg: string; labels: string[]; texts: string[] }> {
  const { svg } = await renderSvg(withInlineData(withLocale(def.build(CHART_MESSAGES[lang]), lang, 'EUR'), fixtureFor(ID)));
  const unescape = (s: string): string => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  return {
    svg,
    labels: [...svg.matchAll(/<path aria-label="([^"]*)"/g)].map((m) => unescape(m[1]!)),
    texts: [...svg.matchAll(/aria-roledescription="text mark"[^>]*>([^<]*)</g)].map((m) => m[1]!),
  };
}

describe('segment-theme-arr-at-risk', () => {
  it('follows the dissatisfier ranking; segment filter yes, period no (reason in EN and FR); drills to negative verbatims', () => {
    const ids = CHART_CATALOG.map((c) => c.id);
    expect(ids.indexOf(ID)).toBe(ids.indexOf('dissatisfier-ranking') + 1);
    expect(def.filters).toEqual({ period: false, segment: true });
    expect(def.drill).toEqual({ theme: 'theme_id', segment: 'segment', sentiment: 'sentiment_label' });
    expect(def.requires).toHaveProperty('arr_at_risk_by_segment');
    expect(DASHBOARD_MESSAGES.en.whyNotFiltered[ID]).toContain('as of the run date');
    expect(DASHBOARD_MESSAGES.fr.whyNotFiltered[ID]).toContain('date du traitement');
    expect(DASHBOARD_MESSAGES.en.chartNames[ID]).toBe('ARR at risk by segment and theme');
  });

  it('prints the value in the reader\'s money format; muted, labelled cells are exactly those not reliably above zero', async () => {
    const rows = fixtureFor(ID);
    const unreliable = rows.filter((r) => r.reliable !== true).length;
    expect(unreliable).toBeGreaterThan(0);
    expect(unreliable).toBeLessThan(rows.length);
    for (const lang of ['en', 'fr'] as const) {
      const m = CHART_MESSAGES[lang].segmentArr;
      const { svg, labels, texts } = await draw(lang);
      expect(texts).toHaveLength(rows.length);
      expect(texts).toContain(lang === 'en' ? '€15.2M' : '15,2M\u00a0€');
      expect((svg.match(/<path aria-label="[^"]*"[^>]*fill="#e4e4e4"/g) ?? []).length).toBe(unreliable);
      const cellLabels = labels.filter((l) => l.includes(`${m.evidence}: `));
      expect(cellLabels).toHaveLength(rows.length);
      expect(cellLabels.filter((l) => l.includes(m.notReliable))).toHaveLength(unreliable);
      const top = cellLabels.find((l) => l.includes('Enterprise') && l.includes('Billing errors'))!;
      expect(top).toContain(`${m.ciLow}: ${lang === 'en' ? '€9M' : '9M\u00a0€'}`);
      expect(top).toContain(`${m.ciHigh}: ${lang === 'en' ? '€21M' : '21M\u00a0€'}`);
      expect(top).toContain(`${m.accounts}: 60`);
      expect(top).toContain(`${m.qValue}: ${lang === 'en' ? '0.000' : '0,000'}`);
      expect(top).toContain(`${m.evidence}: ${m.reliable}`);
      expect(cellLabels.filter((l) => l.includes(`(${m.smallN})`))).toHaveLength(rows.filter((r) => r.small_n === true).length);
    }
    expect(CHART_MESSAGES.en.segmentArr.notReliable).toBe('not reliably above zero');
  });
});

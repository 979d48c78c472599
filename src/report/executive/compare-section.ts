/**
 * The report's "How we compare" section from the benchmark facts: pure, no I/O. Per competitor the gap
 * (interval, q-value and how many comparisons it was chosen from), the latest quarter, the trend, and the
 * attributes whose contribution is clear of zero; then the published reference figures, as reference
 * points only.
 */
import type { BenchmarkFacts } from './benchmark-facts.ts';
import type { Block } from './report-document.ts';
import { COMPARE_MESSAGES } from './compare-messages.ts';
import type { ReportLang } from './report-messages.ts';
import { formatQuarter } from '../../util/format-figures.ts';

export interface FigureFormat {
  readonly n: (v: unknown, digits?: number) => string;
  readonly signed: (v: unknown, digits?: number) => string;
  readonly int: (v: unknown) => string;
  readonly q: (v: unknown) => string;
  readonly level: (v: unknown) => string;
}


export function compareSection(facts: BenchmarkFacts, lang: ReportLang, f: FigureFormat, fdrLevel: number | null, chart: Block[]): Block[] {
  const m = COMPARE_MESSAGES[lang];
  const first = facts.gaps[0]!;
  const own = String(first.own_brand);
  const blocks: Block[] = [{ kind: 'h2', text: m.heading }, { kind: 'note', text: m.intro(own, f.int(first.comparisons), f.level(fdrLevel)) }];
  for (const g of facts.gaps) {
    const c = String(g.competitor);
    blocks.push({ kind: 'h3', text: c });
    const items = [m.gap(own, c, f.signed(g.gap), f.signed(g.ci_low), f.signed(g.ci_high), f.q(g.q_value), f.n(g.own_nps), f.n(g.competitor_nps), f.int(g.n_own), f.int(g.n_competitor), g.significant === true)];
    if (g.latest_quarter !== null && g.latest_quarter !== undefined) items.push(m.latest(formatQuarter(String(g.latest_quarter)), f.signed(g.latest_gap), f.signed(g.latest_ci_low), f.signed(g.latest_ci_high)));
    if (g.slope_per_quarter !== null && g.slope_per_quarter !== undefined) {
      items.push(m.trend(f.signed(g.slope_per_quarter), f.signed(g.slope_ci_low), f.signed(g.slope_ci_high), f.q(g.slope_q_value), f.int(g.quarters), Number(g.slope_ci_low) > 0 || Number(g.slope_ci_high) < 0));
    }
    blocks.push({ kind: 'list', items });
    const attrs = facts.attributes.filter((a) => a.competitor === c);
    if (attrs.length === 0) blocks.push({ kind: 'p', text: m.noAttribute(c) });
    else {
      blocks.push({ kind: 'p', text: m.because(c) });
      blocks.push({
        kind: 'list',
        items: attrs.map((a) => m.attribute(String(a.attribute), f.signed(a.contribution), f.signed(a.contribution_ci_low), f.signed(a.contribution_ci_high), f.signed(a.difference, 2), f.n(a.mean_own, 2), f.n(a.mean_competitor, 2))),
      });
    }
  }
  blocks.push(...chart);
  if (facts.reference.length > 0) {
    blocks.push({ kind: 'h3', text: m.referenceHeading }, { kind: 'note', text: m.referenceNote });
    blocks.push({ kind: 'list', items: facts.reference.map((r) => m.reference(String(r.brand), String(r.period), f.n(r.nps), f.int(r.n), String(r.source))) });
  }
  return blocks;
}

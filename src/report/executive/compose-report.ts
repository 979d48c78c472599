/**
 * The executive report's content from the run's facts and charts: a pure function, no I/O, so the
 * same facts always give the same document (and the same bytes in HTML and Markdown).
 */
import type { BuiltChart, OmittedChart } from '../../charts/build-charts.ts';
import type { ReportFacts } from './report-facts.ts';
import type { Block, ReportDocument } from './report-document.ts';
import { REPORT_MESSAGES, type ReportLang } from './report-messages.ts';
import { formatLevel, formatMoney, formatPValue } from '../../util/format-figures.ts';
import { compareSection } from './compare-section.ts';
import { closedLoopSection, loopFormat } from './closed-loop-section.ts';
import type { CallbackLoop } from '../callback/callback-loop.ts';
import { SCORE_FORMAT, scoreReading, type HeadlineMetric } from '../../analyze/metrics/headline-metric.ts';

type Row = Record<string, unknown>;

export interface ReportCharts {
  /** chart id → rendered SVG of its static spec */
  readonly svg: ReadonlyMap<string, { title: string; svg: string }>;
  readonly omitted: readonly OmittedChart[];
}

/** `loop`: the closed-loop figures (callback-loop.ts), shown when the run tracks follow-ups. */
export function composeReport(facts: ReportFacts, charts: ReportCharts, lang: ReportLang, loop?: CallbackLoop): ReportDocument {
  const m = REPORT_MESSAGES[lang];
  const na = m.notAvailable;
  const n = (v: unknown, digits = 1): string =>
    typeof v === 'number' && Number.isFinite(v) ? new Intl.NumberFormat(m.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v) : na;
  const signed = (v: unknown, digits = 1): string => (typeof v === 'number' && Number.isFinite(v) ? `${v > 0 ? '+' : ''}${n(v, digits)}` : na);
  const int = (v: unknown): string => (v === null || v === undefined || !Number.isFinite(Number(v)) ? na : new Intl.NumberFormat(m.locale, { maximumFractionDigits: 0 }).format(Number(v)));
  const pct = (v: unknown, digits = 1): string => (typeof v === 'number' && Number.isFinite(v) ? new Intl.NumberFormat(m.locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v) : na);
  const money = (v: unknown): string => formatMoney(v, facts.currency, m.locale, na);
  const p = (v: unknown): string => formatPValue(v, m.locale, na);
  const level = (v: unknown): string => formatLevel(typeof v === 'number' && Number.isFinite(v) ? v : 0.05, m.locale);
  /** a q-value with its relation sign: '= 0.010', '< 0.001' */
  const q = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? (v < 0.001 ? '< 0.001' : `= ${n(v, 3)}`) : na);
  const chart = (id: string): Block[] => {
    const c = charts.svg.get(id);
    return c === undefined ? [] : [{ kind: 'chart', id, title: c.title, svg: c.svg }];
  };

  const blocks: Block[] = [{ kind: 'h1', text: m.title }, { kind: 'note', text: m.subtitle(facts.pipeline, facts.asOf) }, { kind: 'h2', text: m.headline }];
  const h = facts.headline;
  // a score as the reader reads it: NPS points, CSAT a percentage, CES a mean on 1–7 (two decimals)
  const score = (metric: HeadlineMetric, v: unknown): string => `${n(v, SCORE_FORMAT[metric].digits)}${SCORE_FORMAT[metric].percent ? ' %' : ''}`;
  const margin = (metric: HeadlineMetric, v: unknown): string => n(v, SCORE_FORMAT[metric].digits);
  const lead = facts.headlineMetric;
  // how each score is read in words: CES as ease or as effort, as the run's pipeline declares (ces_direction)
  const reading = (metric: HeadlineMetric) => scoreReading(metric, facts.cesDirection);
  // the score's short name in the drivers' sentences and verbatim citations (NPS, CSAT, CES)
  const name = lead.toUpperCase();
  if (h === undefined) blocks.push({ kind: 'p', text: m.noHeadline });
  else {
    blocks.push({ kind: 'p', text: m.headlineScore(m.scoreName[reading(lead)], score(lead, h.value), margin(lead, h.moe), m.period(String(h.grain), String(h.period), String(h.period_end)), int(h.n)) });
    if (h.change !== null && h.change !== undefined) {
      // a change outside the tested family (a period below settings.min_n) has no q-value: it is said as untested
      const tested = typeof h.q_value === 'number' && Number.isFinite(h.q_value);
      blocks.push({
        kind: 'p',
        text: tested
          ? m.changeFrom(signed(h.change), String(h.previous_period), h.significant === true, p(h.p_value), p(h.q_value), level(h.fdr_level), int(h.family_tests))
          : m.changeUntested(signed(h.change), String(h.previous_period)),
      });
    }
  }
  if (facts.overall) blocks.push({ kind: 'p', text: m.windowScore(m.scoreName[reading(lead)], score(lead, facts.overall.value), margin(lead, facts.overall.moe), int(facts.overall.n)) });
  if (facts.otherMetrics.length > 0) {
    const others = facts.otherMetrics.map((o) => `${m.scoreName[reading(o.metric)]} ${score(o.metric, o.estimate.value)} ± ${margin(o.metric, o.estimate.moe)} (n = ${int(o.estimate.n)})`);
    blocks.push({ kind: 'p', text: m.otherScores(others.join('; ')) });
  }
  blocks.push(...chart(`${lead}-trend`));

  blocks.push({ kind: 'h2', text: m.topDissatisfiers });
  const links = facts.revenueLinks;
  const fdr = facts.fdrLevel === null ? na : n(facts.fdrLevel, 2);
  const quoted = new Set<string>();
  const quotes = (d: ReportFacts['dissatisfiers'][number]): void => {
    if (quoted.has(d.themeId)) return;
    quoted.add(d.themeId);
    if (d.verbatims.length === 0) blocks.push({ kind: 'note', text: m.noVerbatims });
    for (const v of d.verbatims) {
      const answer = v[lead];
      blocks.push({ kind: 'quote', text: v.text, cite: m.verbatimCite(`${name} ${answer === null || answer === undefined ? na : String(answer)}`, v.segment, v.submitted), ...(v.highlight !== undefined ? { highlight: v.highlight } : {}) });
    }
  };
  const npsImpact = (e: Row): string => m.npsImpact(name, signed(e.impact, 2), m.impactUnit[reading(lead)], signed(e.impact_ci_low, 2), signed(e.impact_ci_high, 2), q(e.impact_q_value), pct(e.frequency),
    n(e.nps_with, SCORE_FORMAT[lead].digits), n(e.nps_without, SCORE_FORMAT[lead].digits));
  if (facts.rankedBy === 'negative_mentions') {
    if (facts.dissatisfiers.length === 0) blocks.push({ kind: 'p', text: m.noDissatisfiers });
    else blocks.push({ kind: 'note', text: m.rankedByMentions });
  } else if (links === null) blocks.push({ kind: 'p', text: m.noRevenueAnalysis });
  else if (facts.dissatisfiers.length === 0) blocks.push({ kind: 'p', text: m.noRevenueLink(int(links.tested), fdr) });
  else blocks.push({ kind: 'note', text: m.rankedByArr(int(links.tested), fdr) });
  facts.dissatisfiers.forEach((d, i) => {
    const e: Row = d.evidence;
    blocks.push({ kind: 'h3', text: `${i + 1}. ${d.label}` });
    const items: string[] = [];
    if (facts.rankedBy === 'arr_at_risk') {
      items.push(m.arrAtRisk(money(e.arr_at_risk), money(e.arr_at_risk_ci_low), money(e.arr_at_risk_ci_high), q(e.arr_at_risk_q_value), Number(e.rank_by_arr_at_risk), int(e.rank_by_frequency), int(e.active_accounts_mentioning)));
      if (e.impact !== null && e.impact !== undefined) items.push(npsImpact(e));
      if (e.lift !== null && e.lift !== undefined) items.push(m.churnLift(n(e.lift, 2), n(e.lift_ci_low, 2), n(e.lift_ci_high, 2), q(e.lift_q_value), pct(e.churn_rate_with), pct(e.churn_rate_without), int(e.training_accounts_with)));
    } else {
      items.push(m.negativeMentions(int(e.negative_responses)));
    }
    blocks.push({ kind: 'list', items });
    quotes(d);
  });
  if (facts.arrBySegment.length > 0) {
    const segments = [...new Set(facts.arrBySegment.map((r) => String(r.segment)))];
    const cell = (themeId: string, segment: string): string => {
      const r = facts.arrBySegment.find((c) => c.theme_id === themeId && c.segment === segment);
      return r?.reliable === true
        ? m.arrBySegmentCell(money(r.arr_at_risk), money(r.arr_at_risk_ci_low), money(r.arr_at_risk_ci_high), q(r.arr_at_risk_q_value), int(r.active_accounts_mentioning))
        : m.noReliableLinkIn(segment);
    };
    blocks.push({ kind: 'h3', text: m.arrBySegment }, { kind: 'note', text: m.arrBySegmentNote(fdr) });
    blocks.push({ kind: 'table', head: [m.themeColumn, ...segments], rows: facts.dissatisfiers.map((d) => [d.label, ...segments.map((sg) => cell(d.themeId, sg))]) });
  }
  blocks.push(...chart('dissatisfier-ranking'));
  if (facts.rankedBy === 'arr_at_risk') {
    blocks.push({ kind: 'h2', text: m.npsDrivers(name) });
    // CES read as effort: a driver adds effort (impact above zero); read as ease: it lowers ease; NPS, CSAT: it lowers the score
    const none = { ces_effort: m.noEffortDrivers(fdr), ces_ease: m.noEaseDrivers(fdr), nps: m.noNpsDrivers(name, fdr), csat: m.noNpsDrivers(name, fdr) };
    const intro = { ces_effort: m.effortDriversIntro(fdr), ces_ease: m.easeDriversIntro(fdr), nps: m.npsDriversIntro(name, fdr), csat: m.npsDriversIntro(name, fdr) };
    if (facts.npsDrivers.length === 0) blocks.push({ kind: 'p', text: none[reading(lead)] });
    else blocks.push({ kind: 'note', text: intro[reading(lead)] });
    facts.npsDrivers.forEach((d, i) => {
      const e: Row = d.evidence;
      blocks.push({ kind: 'h3', text: `${i + 1}. ${d.label}` });
      const link = e.revenue_link === 'revenue dissatisfier' ? m.linkDissatisfier(Number(e.rank_by_arr_at_risk))
        : e.revenue_link === 'associated with lower churn' ? m.linkLowerChurn
          : e.revenue_link === 'no reliable revenue link' ? m.linkNone : m.linkNotAnalysed;
      blocks.push({ kind: 'list', items: [npsImpact(e), link] });
      quotes(d);
    });
    if (links !== null && links.noReliableLink.length > 0) blocks.push({ kind: 'p', text: m.noReliableLinkFor(links.noReliableLink.map(facts.themeLabel).join(', ')) });
    if (links !== null && links.lowerChurn.length > 0) blocks.push({ kind: 'p', text: m.lowerChurnFor(links.lowerChurn.map(facts.themeLabel).join(', ')) });
  }
  blocks.push(...chart('theme-impact'));

  if (facts.emergingThemes !== undefined) {
    blocks.push({ kind: 'h2', text: m.emergingThemes });
    if (facts.emergingThemes.length === 0) blocks.push({ kind: 'p', text: m.noEmergingThemes });
    else {
      blocks.push({ kind: 'note', text: m.emergingIntro });
      blocks.push({ kind: 'list', items: facts.emergingThemes.map((t) => m.emergingTheme(t.name, int(t.size), pct(t.negativeShare, 0), t.example, t.candidateId)) });
    }
  }

  blocks.push({ kind: 'h2', text: m.whatChanged });
  const ct = facts.changeTests;
  const grainName = String(ct?.grain ?? na);
  if (ct === undefined) blocks.push({ kind: 'p', text: m.noChange });
  else if (Number(ct.tests_latest) === 0) blocks.push({ kind: 'p', text: m.noChangeTested(grainName) });
  else if (facts.changes.length === 0 || Number(ct.survivors_latest) === 0) {
    blocks.push({ kind: 'p', text: m.noChangeSurvives(int(ct.tests_latest), String(ct.period), grainName, level(ct.fdr_level), int(ct.survivors), int(ct.tests)) });
  } else {
    blocks.push({ kind: 'p', text: m.changesSurvive(int(ct.survivors_latest), int(ct.tests_latest), String(ct.period), grainName, level(ct.fdr_level), int(ct.survivors), int(ct.tests)) });
    blocks.push({
      kind: 'list',
      items: facts.changes.map((c) => {
        const where = c.dimension === 'overall' ? m.overallWhere : `${String(c.dimension).replaceAll('_', ' ')} ${String(c.dimension_value)}`;
        return m.change(String(c.metric).toUpperCase(), where, n(c.value), n(c.previous_value), signed(c.change), p(c.p_value), p(c.q_value));
      }),
    });
  }
  if (facts.responseRate) {
    const r = facts.responseRate;
    blocks.push({ kind: 'h2', text: m.responseRate }, { kind: 'p', text: m.rate(pct(r.rate), pct(r.moe), pct(r.target, 0), r.below_target === true, int(r.responses), int(r.invitations)) });
    blocks.push(...chart('response-rate'));
  }

  if (facts.benchmark !== undefined) blocks.push(...compareSection(facts.benchmark, lang, { n, signed, int, q, level }, facts.fdrLevel, chart('benchmark-comparison')));

  if (loop !== undefined && loop.tracked) blocks.push(...closedLoopSection(loop, lang, loopFormat(lang)));

  const f = facts.freshness;
  blocks.push({ kind: 'h2', text: m.data });
  blocks.push({ kind: 'p', text: m.freshness(String(f.latest_response ?? na), String(f.latest_revenue_period ?? na), String(f.latest_churn_event ?? na)) });
  blocks.push({ kind: 'p', text: m.samples(int(f.responses), int(f.verbatims), int(f.accounts), int(f.quarantined), String(f.first_response ?? na)) });
  blocks.push({ kind: 'p', text: m.classifier }, { kind: 'list', items: facts.engines.map((e) => `${e.engine} · ${e.model}: ${e.description}`) });
  if (facts.engines.length > 0 && facts.engines.every((e) => e.engine === 'embedded')) blocks.push({ kind: 'note', text: m.embeddedDefault });
  else if (facts.engines.some((e) => e.engine === 'transformer')) blocks.push({ kind: 'note', text: m.transformerUsed });
  if (charts.omitted.length > 0) blocks.push({ kind: 'note', text: m.chartsOmitted }, { kind: 'list', items: charts.omitted.map((o) => m.omitted(o.id, o.reason)) });
  blocks.push({ kind: 'note', text: m.runHistoryNote(`run-history-${lang}.html`) });
  return { lang, title: `${m.title} — ${facts.pipeline} — ${facts.asOf}`, blocks };
}

/** Titles of built charts, for figure captions and Markdown alt text. */
export function chartTitle(chart: BuiltChart): string {
  const t = chart.spec.title;
  return typeof t === 'object' && t !== null && 'text' in t ? String(t.text) : chart.id;
}

/**
 * The report's "Closed loop" section from callback-loop.ts's figures: pure, no I/O. Compliance (share in time
 * with its interval and n, late, overdue, open), median time to call back, the overdue backlog, a table per
 * assignee and per segment, and the effect of a call-back on detractors with its interval, n and caveat.
 */
import type { CallbackLoop, EffectEstimate, LoopShare } from '../callback/callback-loop.ts';
import { LOOP_MESSAGES } from '../callback/loop-messages.ts';
import type { Block } from './report-document.ts';
import { REPORT_MESSAGES, type ReportLang } from './report-messages.ts';

export interface LoopFormat {
  readonly n: (v: unknown, digits?: number) => string;
  readonly signed: (v: unknown, digits?: number) => string;
  readonly int: (v: unknown) => string;
  readonly pct: (v: unknown, digits?: number) => string;
}

/** The section's number formats in the report's locale of `lang` ("n/a" for a missing figure). */
export function loopFormat(lang: ReportLang): LoopFormat {
  const { locale, notAvailable: na } = REPORT_MESSAGES[lang];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const n = (v: unknown, digits = 1): string => (finite(v) ? new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v) : na);
  return {
    n,
    signed: (v, digits = 1) => (finite(v) ? `${v > 0 ? '+' : ''}${n(v, digits)}` : na),
    int: (v) => (finite(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v) : na),
    pct: (v, digits = 1) => (finite(v) ? new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v) : na),
  };
}

function shareRows(label: string, shares: readonly LoopShare[], f: LoopFormat): string[][] {
  return shares.map((s) => [`${label}: ${s.key ?? ''}`, f.pct(s.share), `${f.pct(s.low)} – ${f.pct(s.high)}`, f.int(s.n), f.int(s.overdue), f.n(s.medianHours)]);
}

function effectLine(e: EffectEstimate, measure: string, lang: ReportLang, f: LoopFormat): string {
  const m = LOOP_MESSAGES[lang];
  if (e.status !== 'estimated') return m.notEnough(measure, f.int(e.called.n), f.int(e.notCalled.n), f.int(e.minN));
  const isRate = e.outcome === 'renewal';
  const diff = (v: unknown): string => (isRate ? `${f.signed(typeof v === 'number' ? v * 100 : v)} pts` : f.signed(v, 2));
  const level = (v: unknown): string => (isRate ? f.pct(v) : f.n(v, 2));
  return m.effect(measure, diff(e.difference), diff(e.low), diff(e.high), level(e.called.mean), f.int(e.called.n), level(e.notCalled.mean), f.int(e.notCalled.n), f.int(e.strata));
}

/** Assignees shown in the report's table at most: the lowest and highest in-time shares, REPORT_ASSIGNEES / 2 each. */
export const REPORT_ASSIGNEES = 10;

/** The assignees of the table: all when at most `max`, else the lowest and the highest in-time shares (ties by name). */
export function reportedAssignees(shares: readonly LoopShare[], max = REPORT_ASSIGNEES): LoopShare[] {
  if (shares.length <= max) return [...shares];
  const sorted = [...shares].sort((a, b) => (a.share ?? -1) - (b.share ?? -1) || String(a.key).localeCompare(String(b.key)));
  const half = Math.floor(max / 2);
  return [...sorted.slice(0, half), ...sorted.slice(-half)];
}

/** `maxAssignees`: the report's table is cut to the lowest and highest shares; the dashboard's panel (a scrolling table) passes Infinity. */
export function closedLoopSection(loop: CallbackLoop, lang: ReportLang, f: LoopFormat, maxAssignees = REPORT_ASSIGNEES): Block[] {
  const m = LOOP_MESSAGES[lang];
  const blocks: Block[] = [{ kind: 'h2', text: m.heading }];
  if (!loop.tracked) return [...blocks, { kind: 'p', text: m.notTracked }];
  if (loop.since === null || loop.compliance === null) return [...blocks, { kind: 'p', text: m.noFollowups }];
  const c = loop.compliance;
  const o = c.overall;
  blocks.push({ kind: 'note', text: m.intro(loop.since, f.int(loop.dueAfterHours)) });
  blocks.push({ kind: 'p', text: o.n === 0 ? m.noneDue : m.compliance(f.pct(o.share), f.pct(o.low), f.pct(o.high), f.int(o.inTime), f.int(o.n), f.int(o.late), f.int(o.overdue), f.int(o.open)) });
  blocks.push({ kind: 'p', text: o.called === 0 ? m.noCalls : m.median(f.n(o.medianHours), f.int(o.called)) });
  const oldest = loop.overdue.oldest;
  blocks.push({ kind: 'p', text: oldest === null ? m.noOverdue : m.overdue(f.int(loop.overdue.count), oldest.due_by.slice(0, 10), f.int(oldest.days_overdue)) });
  const assignees = reportedAssignees(c.byAssignee, maxAssignees);
  blocks.push({ kind: 'table', head: m.tableHead, rows: [...shareRows(m.byAssignee, assignees, f), ...shareRows(m.bySegment, c.bySegment, f)] });
  if (assignees.length < c.byAssignee.length) blocks.push({ kind: 'note', text: m.assigneesCut(f.int(assignees.length / 2), f.int(c.byAssignee.length)) });
  if (loop.effect !== null) {
    blocks.push({ kind: 'h3', text: m.effectHeading });
    blocks.push({ kind: 'list', items: [effectLine(loop.effect.nextNps, m.nextNps, lang, f), effectLine(loop.effect.renewal, m.renewal, lang, f)] });
    blocks.push({ kind: 'note', text: m.caveat });
  }
  return blocks;
}

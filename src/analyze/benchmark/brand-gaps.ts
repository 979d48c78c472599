/**
 * Brand NPS per period and segment, and the gap between our brand and each competitor with its interval
 * and Benjamini–Hochberg q-value across every comparison reported (all competitors × periods × segments):
 * the answers about two brands come from different panel members, so the gap's variance is the sum of the
 * two variances. Pure: answers in, rows out, sorted.
 */
import { benjaminiHochbergQValues } from '../stats/benjamini-hochberg.ts';
import { twoSidedPValue } from '../stats/normal-distribution.ts';
import type { BenchmarkAnswer } from './benchmark-answer.ts';
import { respondentNps, Z95, type RespondentNps } from './respondent-nps.ts';

export const ALL = 'all';

export interface BrandCell extends RespondentNps {
  readonly brand: string;
  readonly role: 'own' | 'competitor';
  /** 'all' or the quarter's first day */
  readonly period: string;
  /** 'all' or a segment */
  readonly segment: string;
  readonly low: number;
  readonly high: number;
  readonly smallN: boolean;
}

export interface GapCell {
  readonly competitor: string;
  readonly period: string;
  readonly segment: string;
  readonly ownNps: number;
  readonly competitorNps: number;
  readonly nOwn: number;
  readonly nCompetitor: number;
  /** own − competitor, points */
  readonly gap: number;
  readonly se: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number;
  /** Benjamini–Hochberg over every gap of the table */
  readonly qValue: number;
  readonly smallN: boolean;
}

const key = (brand: string, period: string, segment: string): string => `${brand}\u0000${period}\u0000${segment}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The brand our panel calls `own`: exactly one is expected. */
export function ownBrand(answers: readonly BenchmarkAnswer[]): { own: string | undefined; owns: string[]; competitors: string[] } {
  const owns = [...new Set(answers.filter((a) => a.role === 'own').map((a) => a.brand))].sort(byText);
  const competitors = [...new Set(answers.filter((a) => a.role === 'competitor').map((a) => a.brand))].filter((b) => !owns.includes(b)).sort(byText);
  return { own: owns.length === 1 ? owns[0] : undefined, owns, competitors };
}

export function brandCells(answers: readonly BenchmarkAnswer[], minN: number): BrandCell[] {
  const groups = new Map<string, { brand: string; role: 'own' | 'competitor'; period: string; segment: string; scores: number[] }>();
  const add = (a: BenchmarkAnswer, period: string, segment: string): void => {
    const k = key(a.brand, period, segment);
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { brand: a.brand, role: a.role, period, segment, scores: [] }));
    g.scores.push(a.score);
  };
  for (const a of answers) {
    for (const period of [ALL, a.quarter]) {
      add(a, period, ALL);
      if (a.segment !== null) add(a, period, a.segment);
    }
  }
  return [...groups.values()]
    .map((g) => {
      const e = respondentNps(g.scores);
      return { brand: g.brand, role: g.role, period: g.period, segment: g.segment, ...e, low: e.nps - Z95 * e.se, high: e.nps + Z95 * e.se, smallN: e.n < minN };
    })
    .sort((a, b) => byText(a.period, b.period) || byText(a.segment, b.segment) || byText(a.brand, b.brand));
}

export function gapCells(cells: readonly BrandCell[], own: string, competitors: readonly string[]): GapCell[] {
  const index = new Map(cells.map((c) => [key(c.brand, c.period, c.segment), c]));
  const raw: Array<Omit<GapCell, 'qValue'>> = [];
  for (const o of cells.filter((c) => c.brand === own)) {
    for (const competitor of competitors) {
      const c = index.get(key(competitor, o.period, o.segment));
      if (c === undefined) continue;
      const gap = o.nps - c.nps;
      const se = Math.sqrt(o.se * o.se + c.se * c.se);
      raw.push({
        competitor, period: o.period, segment: o.segment, ownNps: o.nps, competitorNps: c.nps, nOwn: o.n, nCompetitor: c.n,
        gap, se, low: gap - Z95 * se, high: gap + Z95 * se, pValue: Number.isFinite(se) && se > 0 ? twoSidedPValue(gap / se) : Number.NaN,
        smallN: o.smallN || c.smallN,
      });
    }
  }
  const q = benjaminiHochbergQValues(raw.map((r) => r.pValue));
  return raw
    .map((r, i) => ({ ...r, qValue: q[i] ?? Number.NaN }))
    .sort((a, b) => byText(a.competitor, b.competitor) || byText(a.period, b.period) || byText(a.segment, b.segment));
}

/**
 * The trend of each competitor's gap (all segments): the inverse-variance weighted least-squares slope of
 * the quarterly gaps on the quarter's index (0, 1, 2 … from the first quarter with a gap), in points per
 * quarter, with its standard error 1 / sqrt(Σ w (x − x̄_w)²), interval and Benjamini–Hochberg q-value over
 * the competitors. At least three quarters with a margin are needed, else the trend is not computed.
 *
 * **Example:** gaps 0, 2, 4 with equal SE 1 at quarters 0, 1, 2 → slope 2, se 1/sqrt(2) ≈ 0.71.
 */
import { benjaminiHochbergQValues } from '../stats/benjamini-hochberg.ts';
import { twoSidedPValue } from '../stats/normal-distribution.ts';
import { ALL, type GapCell } from './brand-gaps.ts';
import { Z95 } from './respondent-nps.ts';

export interface GapTrend {
  readonly competitor: string;
  readonly quarters: number;
  readonly firstQuarter: string;
  readonly lastQuarter: string;
  readonly slope: number;
  readonly se: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number;
  readonly qValue: number;
}

const MIN_QUARTERS = 3;

/** Quarter index of a quarter's first day counted from `first`. */
function quarterIndex(quarter: string, first: string): number {
  const [y, m] = quarter.split('-').map(Number) as [number, number];
  const [y0, m0] = first.split('-').map(Number) as [number, number];
  return (y - y0) * 4 + Math.round((m - m0) / 3);
}

export function weightedSlope(points: ReadonlyArray<{ x: number; y: number; se: number }>): { slope: number; se: number } {
  const usable = points.filter((p) => Number.isFinite(p.se) && p.se > 0 && Number.isFinite(p.y));
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (const p of usable) {
    const w = 1 / (p.se * p.se);
    sw += w;
    swx += w * p.x;
    swy += w * p.y;
  }
  const xBar = swx / sw;
  const yBar = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const p of usable) {
    const w = 1 / (p.se * p.se);
    sxx += w * (p.x - xBar) ** 2;
    sxy += w * (p.x - xBar) * (p.y - yBar);
  }
  return sxx > 0 ? { slope: sxy / sxx, se: 1 / Math.sqrt(sxx) } : { slope: Number.NaN, se: Number.NaN };
}

export function gapTrends(gaps: readonly GapCell[]): GapTrend[] {
  const competitors = [...new Set(gaps.map((g) => g.competitor))].sort();
  const raw: Array<Omit<GapTrend, 'qValue'>> = [];
  for (const competitor of competitors) {
    const quarterly = gaps
      .filter((g) => g.competitor === competitor && g.segment === ALL && g.period !== ALL && Number.isFinite(g.se) && g.se > 0)
      .sort((a, b) => (a.period < b.period ? -1 : 1));
    if (quarterly.length < MIN_QUARTERS) continue;
    const first = quarterly[0]!.period;
    const { slope, se } = weightedSlope(quarterly.map((g) => ({ x: quarterIndex(g.period, first), y: g.gap, se: g.se })));
    raw.push({
      competitor, quarters: quarterly.length, firstQuarter: first, lastQuarter: quarterly[quarterly.length - 1]!.period,
      slope, se, low: slope - Z95 * se, high: slope + Z95 * se, pValue: Number.isFinite(se) ? twoSidedPValue(slope / se) : Number.NaN,
    });
  }
  const q = benjaminiHochbergQValues(raw.map((r) => r.pValue));
  return raw.map((r, i) => ({ ...r, qValue: q[i] ?? Number.NaN }));
}

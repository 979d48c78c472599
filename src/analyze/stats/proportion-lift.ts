/**
 * Two-proportion lift: e.g. churn rate of accounts that mention a theme vs accounts that do not.
 * Difference with Newcombe's hybrid score interval (method 10, from two Wilson intervals; good
 * coverage even with small counts), ratio with the Katz log interval (0.5 added to every cell
 * when a count is zero), and the pooled two-proportion z-test.
 *
 * **Example:** `proportionLift({ events: 30, total: 100 }, { events: 100, total: 1000 })`
 * → difference 0.20 [0.115, 0.294], ratio 3.0 [2.12, 4.24], p ≈ 1e-9.
 */
import { twoSidedPValue, zCritical } from './normal-distribution.ts';
import type { Interval } from './bootstrap.ts';

export interface ProportionCount {
  readonly events: number;
  readonly total: number;
}

export interface ProportionLift {
  readonly rateWith: number;
  readonly rateWithout: number;
  /** rateWith − rateWithout */
  readonly difference: number;
  readonly differenceInterval: Interval;
  /** rateWith / rateWithout (Infinity when rateWithout = 0) */
  readonly ratio: number;
  readonly ratioInterval: Interval;
  /** pooled two-proportion z-test, two-sided */
  readonly pValue: number;
}

/** Wilson score interval for one proportion. */
export function wilsonInterval(events: number, total: number, level = 0.95): Interval {
  if (total <= 0) return { low: Number.NaN, high: Number.NaN };
  const z = zCritical(level);
  const p = events / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function checkCount(c: ProportionCount, label: string): void {
  if (!(c.total > 0) || !(c.events >= 0) || c.events > c.total) {
    throw new RangeError(`${label}: need 0 <= events <= total and total > 0, got ${c.events}/${c.total}`);
  }
}

export function proportionLift(withTheme: ProportionCount, withoutTheme: ProportionCount, level = 0.95): ProportionLift {
  checkCount(withTheme, 'with');
  checkCount(withoutTheme, 'without');
  const { events: x1, total: n1 } = withTheme;
  const { events: x0, total: n0 } = withoutTheme;
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const difference = p1 - p0;
  const w1 = wilsonInterval(x1, n1, level);
  const w0 = wilsonInterval(x0, n0, level);
  const differenceInterval = {
    low: difference - Math.sqrt((p1 - w1.low) ** 2 + (w0.high - p0) ** 2),
    high: difference + Math.sqrt((w1.high - p1) ** 2 + (p0 - w0.low) ** 2),
  };

  const z = zCritical(level);
  const needsCorrection = x1 === 0 || x0 === 0 || x1 === n1 || x0 === n0;
  const a = needsCorrection ? x1 + 0.5 : x1;
  const c = needsCorrection ? x0 + 0.5 : x0;
  const m1 = needsCorrection ? n1 + 1 : n1;
  const m0 = needsCorrection ? n0 + 1 : n0;
  const logRatio = Math.log(a / m1 / (c / m0));
  const seLog = Math.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m0);
  const ratioInterval = { low: Math.exp(logRatio - z * seLog), high: Math.exp(logRatio + z * seLog) };

  const pooled = (x1 + x0) / (n1 + n0);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const pValue = sePooled > 0 ? twoSidedPValue(difference / sePooled) : 1;

  return {
    rateWith: p1,
    rateWithout: p0,
    difference,
    differenceInterval,
    ratio: p0 > 0 ? p1 / p0 : p1 > 0 ? Number.POSITIVE_INFINITY : Number.NaN,
    ratioInterval,
    pValue,
  };
}

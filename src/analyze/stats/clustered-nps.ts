/**
 * NPS with its cluster-robust (linearisation) standard error, in points, from answers grouped in clusters
 * (an account; or each answer on its own when there is no account): with y = +100 / 0 / −100,
 * θ = Σ y / n, u_a = s_a − θ n_a per cluster, var(θ) = c / (c − 1) · Σ_a u_a² / n² — the formula of
 * metric_cluster_ratio_variance in sql/metrics/create-stat-macros.sql (R survey's svymean, ids = ~cluster).
 * Below two clusters the standard error is NaN.
 *
 * **Example:** scores [10, 9, 8, 3] each its own cluster → nps 25, se ≈ 47.9 points.
 */
export interface ClusteredNps {
  readonly n: number;
  /** clusters */
  readonly c: number;
  /** points */
  readonly nps: number;
  /** points */
  readonly se: number;
}

/** NPS points of one 0-10 answer. */
export function npsPoints(score: number): number {
  return score >= 9 ? 100 : score >= 7 ? 0 : -100;
}

export function clusteredNps(answers: ReadonlyArray<{ readonly cluster: string; readonly score: number }>): ClusteredNps {
  return clusteredMean(answers, npsPoints);
}

/**
 * The same estimator for any score whose answers average to it (`points` of one answer): NPS (+100 / 0 / −100),
 * CSAT (100 for 4–5, else 0: the satisfied share in percent), CES (the answer itself: the mean effort).
 * The result's `nps` field holds that mean.
 */
export function clusteredMean(answers: ReadonlyArray<{ readonly cluster: string; readonly score: number }>, points: (score: number) => number): ClusteredNps {
  const n = answers.length;
  if (n === 0) return { n, c: 0, nps: Number.NaN, se: Number.NaN };
  const totals = new Map<string, { s: number; n: number }>();
  let sum = 0;
  for (const a of answers) {
    const y = points(a.score);
    sum += y;
    const t = totals.get(a.cluster);
    if (t === undefined) totals.set(a.cluster, { s: y, n: 1 });
    else {
      t.s += y;
      t.n += 1;
    }
  }
  const theta = sum / n;
  const c = totals.size;
  let uu = 0;
  for (const t of totals.values()) uu += (t.s - theta * t.n) ** 2;
  return { n, c, nps: theta, se: c >= 2 ? Math.sqrt(((c / (c - 1)) * uu) / (n * n)) : Number.NaN };
}

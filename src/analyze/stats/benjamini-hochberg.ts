/**
 * Benjamini–Hochberg q-values (false-discovery-rate adjusted p-values) for one family of tests,
 * the same figures as R's `p.adjust(p, method = "BH")`: sort ascending, q(i) = min over j ≥ i of
 * p(j) · m / j, capped at 1, returned in the input order. NaN p-values (tests that could not be run)
 * stay NaN and do not count in m.
 *
 * **Example:** `benjaminiHochbergQValues([0.01, 0.04, 0.03, 0.005])` → `[0.02, 0.04, 0.04, 0.02]`.
 */
export function benjaminiHochbergQValues(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry) => Number.isFinite(entry.p))
    .sort((a, b) => b.p - a.p || b.index - a.index);
  const m = order.length;
  const q = pValues.map(() => Number.NaN);
  let running = 1;
  order.forEach((entry, k) => {
    const rank = m - k;
    running = Math.min(running, (entry.p * m) / rank);
    q[entry.index] = Math.min(1, Math.max(0, running));
  });
  return q;
}

/** How many tests of a family survive at a false-discovery rate (q < level). */
export function countDiscoveries(qValues: readonly number[], level = 0.05): number {
  return qValues.filter((q) => q < level).length;
}

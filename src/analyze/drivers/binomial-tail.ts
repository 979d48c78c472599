/**
 * Exact one-sided binomial test: P(X ≥ x) for X ~ Binomial(n, p), summed in log space from x
 * upwards (stable for n in the hundreds of thousands).
 *
 * **Example:** `binomialUpperTail(8, 10, 0.5)` → 56/1024 = 0.0547.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 0) throw new RangeError(`need integer counts, got ${x}/${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // log pmf(x) = log C(n, x) + x log p + (n − x) log(1 − p)
  let logC = 0;
  for (let i = 1; i <= x; i++) logC += Math.log((n - x + i) / i);
  let logPmf = logC + x * Math.log(p) + (n - x) * Math.log1p(-p);
  const ratio = Math.log(p) - Math.log1p(-p);
  let total = 0;
  for (let k = x; k <= n; k++) {
    total += Math.exp(logPmf);
    logPmf += Math.log((n - k) / (k + 1)) + ratio;
    if (k > n * p && Math.exp(logPmf) < total * 1e-17) break;
  }
  return Math.min(1, total);
}

/**
 * The account-clustered (linearisation / sandwich) SE of a weighted mean, written out plainly for the
 * tests, independently of the SQL: θ = Σ w s / Σ w; u_a = Σ_{i∈a} w_i (s_i − θ);
 * var = C / (C − 1) · Σ_a u_a² / (Σ w)². Clusters are arrays of [weight, score] pairs.
 */
export function clusteredSe(clusters: readonly (readonly (readonly [number, number])[])[]): { theta: number; se: number } {
  const all = clusters.flat();
  const sumW = all.reduce((a, [w]) => a + w, 0);
  const theta = all.reduce((a, [w, s]) => a + w * s, 0) / sumW;
  const c = clusters.length;
  const sumU2 = clusters.reduce((acc, cl) => acc + cl.reduce((u, [w, s]) => u + w * (s - theta), 0) ** 2, 0);
  return { theta, se: Math.sqrt(((c / (c - 1)) * sumU2) / (sumW * sumW)) };
}

/** NPS unit score of a 0–10 answer: +1 promoter, −1 detractor, 0 passive. */
export const npsUnit = (score: number): number => (score >= 9 ? 1 : score <= 6 ? -1 : 0);

/** Unweighted clusters of NPS answers: clusters of 0–10 scores → [1, unit] pairs. */
export const npsClusters = (clusters: readonly (readonly number[])[]): [number, number][][] => clusters.map((cl) => cl.map((x): [number, number] => [1, npsUnit(x)]));

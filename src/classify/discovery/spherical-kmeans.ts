/**
 * k-means on unit-length sparse vectors with cosine similarity (spherical k-means), seeded
 * k-means++ initialisation: the same vectors and seed always give the same clusters.
 */
import { createRng } from '../../util/random.ts';
import { dotDense, l2Norm, type SparseVector } from './tfidf-vectors.ts';

export interface KMeansResult {
  /** cluster index of each vector */
  readonly assignment: Int32Array;
  /** unit-length dense centroids */
  readonly centroids: Float64Array[];
}

function centroidOf(vectors: readonly SparseVector[], members: readonly number[], dims: number): Float64Array {
  const c = new Float64Array(dims);
  for (const m of members) {
    const v = vectors[m]!;
    for (let i = 0; i < v.ids.length; i++) c[v.ids[i]!]! += v.weights[i]!;
  }
  const norm = l2Norm(c);
  if (norm > 0) for (let i = 0; i < dims; i++) c[i]! /= norm;
  return c;
}

function seedCentroids(vectors: readonly SparseVector[], k: number, dims: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const centroids = [centroidOf(vectors, [rng.int(vectors.length)], dims)];
  const best = new Float64Array(vectors.length).fill(Number.POSITIVE_INFINITY);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let total = 0;
    vectors.forEach((v, i) => {
      const d = Math.max(0, 1 - dotDense(v, last));
      if (d < best[i]!) best[i] = d;
      total += best[i]! * best[i]!;
    });
    if (total <= 0) break; // fewer distinct points than k
    let r = rng.next() * total;
    let pick = vectors.length - 1;
    for (let i = 0; i < vectors.length; i++) {
      r -= best[i]! * best[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(centroidOf(vectors, [pick], dims));
  }
  return centroids;
}

export function sphericalKMeans(vectors: readonly SparseVector[], k: number, dims: number, seed = 42, maxIterations = 30): KMeansResult {
  const assignment = new Int32Array(vectors.length).fill(-1);
  if (vectors.length === 0 || k < 1) return { assignment, centroids: [] };
  let centroids = seedCentroids(vectors, Math.min(k, vectors.length), dims, seed);
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = 0;
    vectors.forEach((v, i) => {
      let bestC = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      centroids.forEach((c, ci) => {
        const sim = dotDense(v, c);
        if (sim > bestSim) {
          bestSim = sim;
          bestC = ci;
        }
      });
      if (assignment[i] !== bestC) {
        assignment[i] = bestC;
        changed++;
      }
    });
    const members: number[][] = centroids.map(() => []);
    assignment.forEach((c, i) => members[c]!.push(i));
    centroids = centroids.map((old, ci) => (members[ci]!.length > 0 ? centroidOf(vectors, members[ci]!, dims) : old));
    if (changed === 0) break;
  }
  return { assignment, centroids };
}

/**
 * Sparse TF-IDF vectors (L2-normalised) over a vocabulary of stems that occur in at least
 * `minDf` documents. Term ids are assigned in sorted stem order, so the same documents always
 * give the same vectors.
 */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export interface TfidfModel {
  readonly vocabulary: readonly string[];
  readonly idf: Float64Array;
  readonly vectors: readonly SparseVector[];
}

export function buildTfidf(documents: readonly (readonly string[])[], minDf = 2): TfidfModel {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df.entries()].filter(([, n]) => n >= minDf).map(([t]) => t).sort();
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const n = documents.length;
  const idf = Float64Array.from(vocabulary, (t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  const vectors = documents.map((doc) => {
    const tf = new Map<number, number>();
    for (const term of doc) {
      const id = index.get(term);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(ids, (id) => (1 + Math.log(tf.get(id) ?? 1)) * (idf[id] ?? 0));
    const norm = l2Norm(weights);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids, weights };
  });
  return { vocabulary, idf, vectors };
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += v.weights[i]! * dense[v.ids[i]!]!;
  return s;
}

/** Cosine similarity of two term→weight maps (e.g. stored centroids). */
export function cosineOfMaps(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const o = b.get(t);
    if (o !== undefined) dot += w * o;
  }
  for (const w of b.values()) nb += w * w;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Euclidean norm (no argument spreading: vocabularies can be large). */
export function l2Norm(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return Math.sqrt(s);
}

/**
 * The embedded topic model of a run: trained on the texts the run classifies, per taxonomy. Its
 * fingerprint is part of the topic engine's revision (hence of the classification cache key), so
 * retraining every night on a slightly larger set would reclassify every verbatim every night: in a
 * pipeline database the model is stored and reused until the distinct verbatims have grown by
 * `retrainGrowth` (default 25 %) or the taxonomy changed; then it is retrained once and stored.
 * The one-off `classify` / `eval` commands train on their input file. Too few seed matches to learn
 * from is not an error: the run continues on the seeds alone and says so.
 *
 * **Example:**
 * ```ts
 * const prepared = await prepareTopicModel(conn, taxonomy, { source: 'responses', runDate: '2024-06-01' });
 * prepared.notice; // 'topics: embedded topic model 3f9c… trained on 41230 distinct clauses of 20000 distinct texts (18004 seed-matched, 6120 self-labelled)'
 * ```
 */
import { createHash } from 'node:crypto';
import { blobValue, DuckDBBlobValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { runSqlFile, querySqlFile, sqlFile } from '../../db/sql-file.ts';
import type { ClassifyConfig } from '../classify-config-schema.ts';
import { compileTaxonomy } from '../embedded/compile-taxonomy.ts';
import { trainTopicModelOnVerbatims, TopicModelError, TOPIC_MODEL_VERSION, type TopicModel, type TopicModelStats } from '../embedded/train-topic-model.ts';
import type { PreparedTopicModel } from '../registry.ts';

export interface PrepareTopicOptions {
  /** the run's responses (model stored and reused) or a command's input file (classify_source, trained each time) */
  readonly source: 'responses' | 'input-file';
  /** YYYY-MM-DD, recorded with a newly stored model */
  readonly runDate?: string;
  /** retrain when the distinct verbatims grew by this fraction since the stored model (default 0.25) */
  readonly retrainGrowth?: number;
}

/** The embedded topic engine may run: configured, or as the fallback of a transformer model. */
export const mayUseTopicModel = (c: ClassifyConfig): boolean => c.topics.engine === 'embedded' || (c.topics.engine === 'transformer' && c.topics.fallback === 'embedded');

interface StoredMeta {
  readonly themeIds: string[];
  readonly classes: number;
  readonly dim: number;
  readonly bias: number[];
  readonly calibration: number[];
  readonly stats: TopicModelStats;
}

const taxonomyKey = (taxonomy: Taxonomy): string => createHash('sha256').update(`${TOPIC_MODEL_VERSION}\u0000${JSON.stringify(taxonomy)}`).digest('hex').slice(0, 16);

const describe = (model: TopicModel, texts: number): string =>
  `embedded topic model ${model.fingerprint} trained on ${model.stats.distinctClauses} distinct clauses of ${texts} distinct texts (${model.stats.seeded} seed-matched, ${model.stats.selfLabelled} self-labelled)`;

function fromStored(fingerprint: string, meta: StoredMeta, weights: Uint8Array): TopicModel {
  const floats = new Float32Array(weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength));
  if (floats.length !== meta.classes * meta.dim) throw new Error(`stored topic model ${fingerprint}: ${floats.length} weights, expected ${meta.classes * meta.dim}`);
  return {
    themeIds: meta.themeIds,
    softmax: { classes: meta.classes, dim: meta.dim, weights: floats, bias: Float64Array.from(meta.bias) },
    calibration: Float64Array.from(meta.calibration),
    fingerprint,
    stats: meta.stats,
  };
}

async function storeModel(conn: DuckDBConnection, key: string, model: TopicModel, trainedOn: number, runDate: string): Promise<void> {
  const meta: StoredMeta = {
    themeIds: [...model.themeIds],
    classes: model.softmax.classes,
    dim: model.softmax.dim,
    bias: [...model.softmax.bias],
    calibration: [...model.calibration],
    stats: model.stats,
  };
  const w = model.softmax.weights;
  await conn.run('BEGIN TRANSACTION');
  try {
    await runSqlFile(conn, 'classify/delete-topic-model', { taxonomy_key: key });
    await runSqlFile(conn, 'classify/insert-topic-model', {
      taxonomy_key: key,
      fingerprint: model.fingerprint,
      trained_on: trainedOn,
      trained_run: runDate,
      meta: JSON.stringify(meta),
      weights: blobValue(new Uint8Array(w.buffer, w.byteOffset, w.byteLength)),
    });
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

export async function prepareTopicModel(conn: DuckDBConnection, taxonomy: Taxonomy, opts: PrepareTopicOptions): Promise<PreparedTopicModel> {
  const fromResponses = opts.source === 'responses';
  const rows = await querySqlFile(conn, fromResponses ? 'classify/select-topic-training-texts' : 'classify/select-source-training-texts');
  const n = rows.length;
  const key = taxonomyKey(taxonomy);
  if (fromResponses) {
    await runSqlFile(conn, 'classify/create-topic-model-store');
    // read as DuckDB values, not JSON: the weights are a BLOB
    const [stored] = (await conn.runAndReadAll(sqlFile('classify/select-topic-model'), { taxonomy_key: key })).getRowObjects();
    const growth = opts.retrainGrowth ?? 0.25;
    if (stored !== undefined && n < Number(stored.trained_on) * (1 + growth) && stored.weights instanceof DuckDBBlobValue) {
      const model = fromStored(String(stored.fingerprint), JSON.parse(String(stored.meta)) as StoredMeta, stored.weights.bytes);
      return {
        model,
        notice: `topics: ${describe(model, Number(stored.trained_on))} on ${String(stored.trained_run)} reused (${n} now, retrained at ${Math.ceil(Number(stored.trained_on) * (1 + growth))})`,
      };
    }
  }
  try {
    const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, rows.map((r) => String(r.text)), undefined, rows.map((r) => Number(r.n)));
    if (fromResponses) await storeModel(conn, key, model, n, opts.runDate ?? '');
    return { model, notice: `topics: ${describe(model, n)}` };
  } catch (error) {
    if (!(error instanceof TopicModelError)) throw error;
    return { notice: `topics: no topic model, themes come from keyword, label and example matches only (${error.message})` };
  }
}

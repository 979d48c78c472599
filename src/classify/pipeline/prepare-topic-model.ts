/**
 * Trains the embedded topic model on the texts a run (or an `ecoute classify` / `eval` file) is about to
 * classify, once per run and taxonomy: the model's fingerprint (taxonomy + distinct clauses) is part of the
 * topic engine's revision, so the cache is reused as long as neither changed. Too few seed matches to
 * learn from is not an error: the run continues on the seeds alone and says so.
 *
 * **Example:**
 * ```ts
 * const prepared = await prepareTopicModel(conn, taxonomy, 'responses');
 * prepared.notice; // 'topics: embedded topic model 3f9c… trained on 41230 distinct clauses (18004 seed-matched, 6120 self-labelled) in 2.1 s'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import type { ClassifyConfig } from '../classify-config-schema.ts';
import { compileTaxonomy } from '../embedded/compile-taxonomy.ts';
import { trainTopicModelOnVerbatims, TopicModelError } from '../embedded/train-topic-model.ts';
import type { PreparedTopicModel } from '../registry.ts';

/** Where the texts come from: the run's responses, or the input file of a command. */
export type TopicTrainingSource = 'responses' | 'input-file';

/** The embedded topic engine may run: configured, or as the fallback of a transformer model. */
export const mayUseTopicModel = (c: ClassifyConfig): boolean => c.topics.engine === 'embedded' || (c.topics.engine === 'transformer' && c.topics.fallback === 'embedded');

export async function prepareTopicModel(
  conn: DuckDBConnection,
  taxonomy: Taxonomy,
  source: TopicTrainingSource,
  clock: () => number = () => performance.now(),
): Promise<PreparedTopicModel> {
  const rows = await querySqlFile(conn, source === 'responses' ? 'classify/select-topic-training-texts' : 'classify/select-source-training-texts');
  const started = clock();
  try {
    const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, rows.map((r) => String(r.text)));
    const s = model.stats;
    const seconds = (clock() - started) / 1000;
    return {
      model,
      notice: `topics: embedded topic model ${model.fingerprint} trained on ${s.distinctClauses} distinct clauses of ${rows.length} distinct texts (${s.seeded} seed-matched, ${s.selfLabelled} self-labelled) in ${seconds.toFixed(1)} s`,
    };
  } catch (error) {
    if (!(error instanceof TopicModelError)) throw error;
    return { notice: `topics: no topic model, themes come from keyword, label and example matches only (${error.message})` };
  }
}

/**
 * The embedded topic model of the one-off `classify` / `eval` commands: trained on the texts of their input
 * file (the `classify_source` view), per taxonomy. A pipeline run trains its own every run on the clauses it
 * featurized (run-topic-model-phase.ts). Too few seed matches to learn from is not an error: the command
 * continues on the seeds alone and says so.
 *
 * **Example:**
 * ```ts
 * const prepared = await prepareTopicModel(conn, taxonomy);
 * prepared.notice; // 'topics: embedded topic model 3f9c… trained on 41230 distinct clauses of 20000 distinct texts (18004 seed-matched, 6120 self-labelled)'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import type { ClassifyConfig } from '../classify-config-schema.ts';
import { compileTaxonomy } from '../embedded/compile-taxonomy.ts';
import { trainTopicModelOnVerbatims, TopicModelError, type TopicModel } from '../embedded/train-topic-model.ts';
import type { PreparedTopicModel } from '../registry.ts';

/** The embedded topic engine may run: configured, or as the fallback of a transformer model. */
export const mayUseTopicModel = (c: ClassifyConfig): boolean => c.topics.engine === 'embedded' || (c.topics.engine === 'transformer' && c.topics.fallback === 'embedded');

export const describeTopicModel = (model: TopicModel, texts: number): string =>
  `embedded topic model ${model.fingerprint} trained on ${model.stats.distinctClauses} distinct clauses of ${texts} distinct texts (${model.stats.seeded} seed-matched, ${model.stats.selfLabelled} self-labelled)`;

export const noTopicModelNotice = (error: TopicModelError): string => `topics: no topic model, themes come from keyword, label and example matches only (${error.message})`;

export async function prepareTopicModel(conn: DuckDBConnection, taxonomy: Taxonomy): Promise<PreparedTopicModel> {
  const rows = await querySqlFile(conn, 'classify/select-source-training-texts');
  try {
    const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, rows.map((r) => String(r.text)), undefined, rows.map((r) => Number(r.n)));
    return { model, notice: `topics: ${describeTopicModel(model, rows.length)}` };
  } catch (error) {
    if (!(error instanceof TopicModelError)) throw error;
    return { notice: noTopicModelNotice(error) };
  }
}

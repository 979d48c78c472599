/**
 * The self-trained sentiment model of the one-off `classify` / `eval` commands (self-trained-sentiment.ts):
 * trained on the distinct texts of their input file (the `classify_source` view), as the classification will
 * see them (cleaned, in their detected language). No score and no gold label is read. Too few texts is not
 * an error: the command continues on the lexicon alone and says so.
 *
 * **Example:**
 * ```ts
 * const prepared = await prepareSelfTrainedSentiment(conn);
 * prepared.notice; // 'sentiment: the embedded engine self-trained on the 14,485 distinct texts of this input (see engine); …'
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../../db/sql-file.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { cleanText } from '../embedded/clean-text.ts';
import { selfTrainOn } from '../embedded/sentiment-engine.ts';
import { SelfTrainingError } from '../embedded/self-trained-sentiment.ts';
import type { PreparedSelfTrained } from '../registry.ts';

export async function prepareSelfTrainedSentiment(conn: DuckDBConnection): Promise<PreparedSelfTrained> {
  const rows = await querySqlFile(conn, 'classify/select-source-training-texts');
  // classifyVerbatims hands the engine the cleaned text and the language detected on it
  const cleaned = rows.map((r) => cleanText(String(r.text)));
  try {
    const model = selfTrainOn(cleaned, cleaned.map((t) => detectLanguage(t)));
    return { model, notice: `sentiment: the embedded engine self-trained on the ${model.texts.toLocaleString('en-US')} distinct texts of this input (see engine); --no-self-training for the lexicon alone` };
  } catch (error) {
    if (!(error instanceof SelfTrainingError)) throw error;
    return { notice: `sentiment: the lexicon alone, no self-trained model (${error.message})` };
  }
}

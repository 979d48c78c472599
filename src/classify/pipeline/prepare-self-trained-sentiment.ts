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
import type { SentimentResult } from '../classifier-types.ts';
import { lexiconResult } from '../embedded/blend-domain.ts';
import { selfTrainOn, sentimentInput } from '../embedded/sentiment-engine.ts';
import { SelfTrainingError, textKey, type SelfTrainedSentiment } from '../embedded/self-trained-sentiment.ts';
import type { PreparedSelfTrained } from '../registry.ts';

/** The lexicon's verdict on a raw text of the input, as the model recorded it (undefined: not a text it learned). */
export function lexiconVerdictOf(model: SelfTrainedSentiment, raw: string): SentimentResult | undefined {
  // the key the model learned it under: cleaned and detected as classifyVerbatims hands it over, then the engine's own cleaning
  const { text, language } = sentimentInput(raw, undefined);
  const input = sentimentInput(text, language);
  const item = model.known.get(textKey(input.text, input.language));
  return item === undefined ? undefined : lexiconResult(item.lexicon.polarity, item.lexicon.hits);
}

export async function prepareSelfTrainedSentiment(conn: DuckDBConnection): Promise<PreparedSelfTrained> {
  const rows = await querySqlFile(conn, 'classify/select-source-training-texts');
  // classifyVerbatims hands the engine each text cleaned, with the language detected on it: the engine cleans it again
  const inputs = rows.map((r) => sentimentInput(String(r.text), undefined));
  try {
    const model = selfTrainOn(inputs.map((x) => x.text), inputs.map((x) => x.language));
    return { model, notice: `sentiment: the embedded engine self-trained on the ${model.texts.toLocaleString('en-US')} distinct texts of this input (see engine); --no-self-training for the lexicon alone` };
  } catch (error) {
    if (!(error instanceof SelfTrainingError)) throw error;
    return { notice: `sentiment: the lexicon alone, no self-trained model (${error.message})` };
  }
}

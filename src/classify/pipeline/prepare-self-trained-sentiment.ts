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
import type { Language, SentimentResult } from '../classifier-types.ts';
import { lexiconResult } from '../embedded/blend-domain.ts';
import { selfTrainOn, sentimentInput } from '../embedded/sentiment-engine.ts';
import { SelfTrainingError, textKey, type SelfTrainedSentiment } from '../embedded/self-trained-sentiment.ts';
import type { PreparedSelfTrained } from '../registry.ts';

/** A raw text of the input as classifyVerbatims hands it to the engine: cleaned, with the language detected on it. */
function asClassified(raw: string): { text: string; language: Language } {
  const text = cleanText(raw);
  return { text, language: detectLanguage(text) };
}

/** The lexicon's verdict on a raw text of the input, as the model recorded it (undefined: not a text it learned). */
export function lexiconVerdictOf(model: SelfTrainedSentiment, raw: string): SentimentResult | undefined {
  const { text, language } = asClassified(raw);
  const input = sentimentInput(text, language);
  const item = model.known.get(textKey(input.text, input.language));
  return item === undefined ? undefined : lexiconResult(item.lexicon.polarity, item.lexicon.hits);
}

export async function prepareSelfTrainedSentiment(conn: DuckDBConnection): Promise<PreparedSelfTrained> {
  const rows = await querySqlFile(conn, 'classify/select-source-training-texts');
  const inputs = rows.map((r) => asClassified(String(r.text)));
  try {
    const model = selfTrainOn(inputs.map((x) => x.text), inputs.map((x) => x.language));
    return { model, notice: `sentiment: the embedded engine self-trained on the ${model.texts.toLocaleString('en-US')} distinct texts of this input (see engine); --no-self-training for the lexicon alone` };
  } catch (error) {
    if (!(error instanceof SelfTrainingError)) throw error;
    return { notice: `sentiment: the lexicon alone, no self-trained model (${error.message})` };
  }
}

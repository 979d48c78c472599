/**
 * `ecoute eval <file>`: scores an engine against a labelled file (CSV / Parquet / JSON lines):
 * accuracy, macro-F1 and the confusion matrix; for topics also the micro precision / recall / F1 of the
 * theme predictions (theme-micro-score.ts), the figure topic goals are stated in. Sentiment labels may be names, -1/0/1, 0/1,
 * 1-5 stars or 0-10 scores (see map-gold-labels.ts; the result says which reading was used);
 * topic labels are theme ids of the taxonomy (see topic-gold.ts).
 *
 * **Example:**
 * ```ts
 * const r = await evalFile({ input: 'reviews.csv', textColumn: 'Review Text', labelColumn: 'Rating', task: 'sentiment' });
 * // { accuracy: 0.74, macroF1: 0.61, labels: ['negative', 'neutral', 'positive'], confusion: [[...]], labelMapping: '1-5 stars: ...' }
 * ```
 */
import type { EngineInfo } from '../classifier-types.ts';
import { openDatabase } from '../../db/open-database.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import { scoreClassification, type ClassificationScore } from '../eval/score-classification.ts';
import { themeMicroScore, type ThemeMicroScore } from '../eval/theme-micro-score.ts';
import { cacheKeyParams, engineInfos } from './cache-key.ts';
import type { ClassifyBatch } from './classify-into-cache.ts';
import { classifyInputTexts } from './classify-input-texts.ts';
import { resolveCommandEngines, type EngineChoice } from './command-engines.ts';
import { loadTaxonomyFile } from './load-taxonomy-file.ts';
import { mapGoldSentiment } from './map-gold-labels.ts';
import { lexiconVerdictOf } from './prepare-self-trained-sentiment.ts';
import { createInputSourceView, InputFileError, loadInputFile, requireColumn } from './table-file.ts';
import { goldForPrediction, NO_THEME, predictedTheme } from './topic-gold.ts';
import type { ProgressOutput } from './progress-bar.ts';

export interface EvalFileOptions extends EngineChoice {
  readonly input: string;
  readonly textColumn: string;
  readonly labelColumn: string;
  readonly task: 'sentiment' | 'topics';
  /** required for task 'topics' */
  readonly taxonomyFile?: string;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
  /** test seam: how a batch of texts is classified */
  readonly classify?: ClassifyBatch;
}

export interface EvalFileResult {
  readonly task: 'sentiment' | 'topics';
  readonly input: string;
  /** rows scored */
  readonly rows: number;
  /** rows without a text or a label */
  readonly skipped: number;
  /** how the gold labels were read */
  readonly labelMapping: string;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly labels: readonly string[];
  /** confusion[i][j]: gold labels[i] predicted as labels[j] */
  readonly confusion: readonly (readonly number[])[];
  readonly perLabel: ClassificationScore['perLabel'];
  /** accuracy of always predicting the most frequent gold label, for comparison */
  readonly majorityAccuracy: number;
  /** with the self-trained sentiment engine: the accuracy of the lexicon alone on the same rows (what --no-self-training gives) */
  readonly lexiconAccuracy?: number;
  /** task 'topics': micro precision / recall / F1 of the theme predictions ('none' is no theme) */
  readonly themes?: ThemeMicroScore;
  readonly engines: readonly EngineInfo[];
  readonly notices: readonly string[];
  readonly seconds: number;
}

function polaritySign(polarity: number): string {
  return polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral';
}

export async function evalFile(opts: EvalFileOptions): Promise<EvalFileResult> {
  if (opts.task === 'topics' && opts.taxonomyFile === undefined) throw new InputFileError('evaluating topics needs a taxonomy file (--taxonomy <file>)');
  const taxonomy = opts.taxonomyFile === undefined ? undefined : await loadTaxonomyFile(opts.taxonomyFile);
  const db = await openDatabase();
  try {
    const conn = db.connection;
    const columns = await loadInputFile(conn, opts.input);
    requireColumn(opts.input, columns, opts.textColumn, 'text');
    requireColumn(opts.input, columns, opts.labelColumn, 'label');
    await createInputSourceView(conn, opts.textColumn, opts.labelColumn);
    const engines = await resolveCommandEngines(conn, opts, opts.task, taxonomy);
    const { key, counts } = await classifyInputTexts(conn, engines, taxonomy?.version, opts);
    const rows = await querySqlFile(conn, 'classify/select-eval-rows', cacheKeyParams(key));
    const [{ n } = { n: 0 }] = await querySqlFile(conn, 'classify/count-input-rows');
    if (rows.length === 0) throw new InputFileError(`${opts.input}: no row has both a text and a label`);
    let gold: string[];
    let predicted: string[];
    let labelMapping: string;
    let unreadable = 0;
    let lexiconAccuracy: number | undefined;
    if (opts.task === 'sentiment') {
      const mapping = mapGoldSentiment(rows.map((r) => String(r.label)));
      const readable = rows.flatMap((r, i) => (mapping.labels[i] === undefined ? [] : [{ row: r, label: mapping.labels[i] as string }]));
      unreadable = rows.length - readable.length;
      gold = readable.map((x) => x.label);
      // gold without a neutral class is a binary task: the prediction is the sign of the polarity
      // (a polarity of exactly 0 stays neutral and counts as an error)
      const binary = !gold.includes('neutral');
      predicted = readable.map(({ row }) => (binary ? polaritySign(Number(row.polarity)) : String(row.sentiment_label)));
      const self = engines.selfTrained;
      if (self !== undefined) {
        const lexicon = readable.map(({ row }) => {
          const v = lexiconVerdictOf(self, String(row.text));
          return v === undefined ? 'neutral' : binary ? polaritySign(v.polarity) : v.label;
        });
        lexiconAccuracy = scoreClassification(gold, lexicon).accuracy;
      }
      const skippedNote =
        unreadable === 0 ? '' : `; ${unreadable} row${unreadable === 1 ? '' : 's'} with an unreadable label skipped (${[...new Set(mapping.unreadable)].slice(0, 3).map((v) => JSON.stringify(v)).join(', ')})`;
      labelMapping = `${mapping.description}${binary ? '; binary gold: prediction = sign of the polarity' : ''}${skippedNote}`;
    } else {
      predicted = rows.map((r) => predictedTheme(String(r.mentions)));
      gold = rows.map((r, i) => goldForPrediction(String(r.label), predicted[i]!));
      labelMapping = "theme ids (several per cell separated by ; | or ,; empty, '-' or 'none' = no theme); prediction = strongest mention (a tie: the theme with more evidence in the text, then the first mentioned) or 'none'";
    }
    const score = scoreClassification(gold, predicted);
    return {
      task: opts.task,
      input: opts.input,
      rows: rows.length - unreadable,
      skipped: Number(n) - rows.length + unreadable,
      labelMapping,
      accuracy: score.accuracy,
      macroF1: score.macroF1,
      labels: score.labels,
      confusion: score.confusion,
      perLabel: score.perLabel,
      majorityAccuracy: score.majorityAccuracy,
      ...(lexiconAccuracy !== undefined ? { lexiconAccuracy } : {}),
      ...(opts.task === 'topics' ? { themes: themeMicroScore(gold, predicted, NO_THEME) } : {}),
      engines: engineInfos(engines),
      notices: engines.notices,
      seconds: counts.seconds,
    };
  } finally {
    db.close();
  }
}

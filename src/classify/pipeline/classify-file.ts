/**
 * `ecoute classify <file>`: classifies the text column of any CSV / Parquet / JSON-lines file and
 * writes it back with the classification columns added (ecoute_language, ecoute_sentiment,
 * ecoute_polarity, ecoute_confidence, ecoute_themes, ecoute_mentions). Distinct texts are
 * classified once, through the same incremental cache as pipeline runs (in memory here).
 *
 * **Example:**
 * ```ts
 * await classifyFile({ input: 'reviews.csv', textColumn: 'comment', out: 'reviews-classified.parquet', taxonomyFile: 'pipelines/acme.yaml' });
 * // { rows: 1200, distinctTexts: 1130, newlyClassified: 1130, engines: [...], notices: [], out: 'reviews-classified.parquet' }
 * ```
 */
import type { EngineInfo } from '../classifier-types.ts';
import { openDatabase } from '../../db/open-database.ts';
import { quoteIdentifier } from '../../db/quote-identifier.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { cacheKeyParams, engineInfos } from './cache-key.ts';
import type { CacheRunCounts, ClassifyBatch } from './classify-into-cache.ts';
import { classifyInputTexts } from './classify-input-texts.ts';
import { selfTrainCommandMentions } from './self-train-command-mentions.ts';
import { withMentionSentiment } from './self-train-clause-sentiment.ts';
import { resolveCommandEngines, type EngineChoice } from './command-engines.ts';
import { loadTaxonomyFile } from './load-taxonomy-file.ts';
import { createInputSourceView, InputFileError, loadInputFile, requireColumn, writeTableFile } from './table-file.ts';
import type { ProgressOutput } from './progress-bar.ts';

export interface ClassifyFileOptions extends EngineChoice {
  readonly input: string;
  readonly textColumn: string;
  /** output file (.csv, .parquet, .jsonl); when omitted the rows are returned */
  readonly out?: string;
  /** taxonomy YAML (or a pipeline file): themes are matched only when given */
  readonly taxonomyFile?: string;
  /** replace emails, phones, IBANs and card numbers in the text column of the output */
  readonly redact?: boolean;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
  /** test seam: how a batch of texts is classified */
  readonly classify?: ClassifyBatch;
}

export interface ClassifyFileResult extends CacheRunCounts {
  readonly input: string;
  readonly out?: string;
  readonly rows: number;
  readonly engines: readonly EngineInfo[];
  readonly notices: readonly string[];
  /** the output rows, only when no `out` file was asked for */
  readonly records?: Record<string, unknown>[];
}

export const ADDED_COLUMNS = ['ecoute_language', 'ecoute_sentiment', 'ecoute_polarity', 'ecoute_confidence', 'ecoute_themes', 'ecoute_mentions'] as const;

export async function classifyFile(opts: ClassifyFileOptions): Promise<ClassifyFileResult> {
  const taxonomy = opts.taxonomyFile === undefined ? undefined : await loadTaxonomyFile(opts.taxonomyFile);
  const db = await openDatabase();
  try {
    const conn = db.connection;
    const columns = await loadInputFile(conn, opts.input);
    requireColumn(opts.input, columns, opts.textColumn, 'text');
    const clash = columns.filter((c) => (ADDED_COLUMNS as readonly string[]).includes(c));
    if (clash.length > 0) throw new InputFileError(`${opts.input}: already has column(s) ${clash.join(', ')}; was it classified before?`);
    await createInputSourceView(conn, opts.textColumn);
    const engines = await resolveCommandEngines(conn, opts, 'sentiment', taxonomy);
    const { key, counts } = await classifyInputTexts(conn, engines, taxonomy?.version, opts);
    // mentions read alike in a run: their sentiment self-trained on their clauses, when the texts' is self-trained
    const mentions = engines.selfTrained !== undefined && taxonomy !== undefined ? await selfTrainCommandMentions(conn, key) : {};
    await runSqlFile(conn, 'classify/build-classified-file', cacheKeyParams(key));
    if (opts.redact === true) {
      await runSqlFile(conn, 'classify/create-redact-pii-macro');
      const col = quoteIdentifier(opts.textColumn);
      // the mentions quote their clause: redacted too (PII never leaves in the output file)
      await conn.run(`UPDATE classified_file SET ${col} = redact_pii(CAST(${col} AS VARCHAR)), ecoute_mentions = redact_pii(ecoute_mentions)`);
    }
    const [{ n } = { n: 0 }] = await querySqlFile(conn, 'classify/count-classified-file');
    let records: Record<string, unknown>[] | undefined;
    if (opts.out !== undefined) await writeTableFile(conn, 'classified_file', opts.out);
    else records = await querySqlFile(conn, 'classify/select-classified-file');
    return {
      ...counts,
      input: opts.input,
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      rows: Number(n),
      engines: engineInfos(engines).map((e) => (mentions.summary !== undefined && e === engines.topics?.info ? withMentionSentiment(e, mentions.summary) : e)),
      notices: [...engines.notices, ...(mentions.notice === undefined ? [] : [mentions.notice])],
      ...(records !== undefined ? { records } : {}),
    };
  } finally {
    db.close();
  }
}

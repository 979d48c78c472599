/**
 * Domain adaptation inside a run, without leakage: the embedded engine's domain models are
 * retrained on this run's scored verbatims, cross-fitted by account (see cross-fit-domain.ts), and
 * each response's sentiment in verbatim_sentiment comes from the model that never saw its account.
 * When too few verbatims are scored for that, the engine self-trains on the run's distinct texts
 * instead (self-trained-sentiment.ts: the lexicon's sure verdicts as labels, cross-fitted by text).
 *
 *   sentiment_features (per text, incremental) + responses (account, NPS)
 *     ─▶ crossFitDomain ─▶ domain_sentiment ─▶ verbatim_sentiment (overlay of the text-only rows)
 *                       ─▶ classify_domain_model (the set, for `ecoute sentiment export-domain`)
 *     or, too few scored: distinct texts ─▶ self-trained model ─▶ domain_sentiment ─▶ verbatim_sentiment
 *
 * theme_mentions keep the text-only (lexicon) sentiment of their clause: nothing a driver analysis
 * explains NPS with is derived from a response's own score. Same responses → same models and rows,
 * whether the database was built night by night or from scratch.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBBlobValue } from '@duckdb/node-api';
import type { EngineInfo, SentimentLabel, SentimentResult } from '../classifier-types.ts';
import { runSqlFile, querySqlFile, sqlFile } from '../../db/sql-file.ts';
import { LEXICON_VERSION } from '../embedded/compile-lexicon.ts';
import {
  createOutOfFoldTally, crossFitModelSet, foldOf, resolveCrossFitOptions, scoreCrossFitRow, trainFoldModels, trainingThresholds,
  type CrossFitOptions, type CrossFitRow,
} from '../embedded/cross-fit-domain.ts';
import { lexiconResult } from '../embedded/blend-domain.ts';
import { fnv1a } from '../embedded/domain-features.ts';
import { createDomainPredictor } from '../embedded/domain-predictor.ts';
import { domainSetFingerprint, type DomainModelSet, type OutOfFoldScore } from '../embedded/domain-model-set.ts';
import { DomainModelError, type DomainModel } from '../embedded/domain-model.ts';
import { domainEngineInfo, selfTrainedEngineInfo } from '../embedded/sentiment-engine.ts';
import { createSelfTrainer, selfTrainedScore, selfTrainingFold, SelfTrainingError, type SelfTrainedModel } from '../embedded/self-trained-sentiment.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';
import { round6 } from './serialize-mentions.ts';
import { unpackHashes, updateSentimentFeatures } from './sentiment-features-store.ts';

export interface CrossFitPhaseOptions extends CrossFitOptions {
  /** the run's date (YYYY-MM-DD), stored with the model set */
  readonly runDate: string;
  /** the text-only engine key the classification cache was filled under */
  readonly key: CacheKey;
  /** the text-only sentiment engine (its rows are what the domain model overlays) */
  readonly sentiment: EngineInfo;
  /** false: no domain model (undo the overlay of a previous run if any) */
  readonly enabled: boolean;
  /** rows read into JS at once (default CROSS_FIT_CHUNK) */
  readonly chunkSize?: number;
  /** called with the size of each chunk scored (tests: the rows held at once) */
  readonly onChunk?: (rows: number) => void;
  /** called with the number of rows kept for training the fold models */
  readonly onCandidates?: (rows: number) => void;
}

export interface DomainSummary {
  readonly folds: number;
  /** model fingerprints hashed together */
  readonly fingerprint: string;
  readonly outOfFold: OutOfFoldScore;
  /** texts whose features were computed this run (the rest came from sentiment_features) */
  readonly newlyFeaturized: number;
}

/** The self-trained model behind verbatim_sentiment, when the run had too few scored verbatims to cross-fit. */
export interface SelfTrainedSummary {
  readonly fingerprint: string;
  /** distinct texts trained on */
  readonly texts: number;
  /** pseudo-labelled texts per class: negative, neutral, positive */
  readonly pseudoLabels: readonly number[];
}

export interface CrossFitPhaseResult {
  readonly domain?: DomainSummary;
  readonly selfTrained?: SelfTrainedSummary;
  /** the engine behind verbatim_sentiment (the domain engine when the overlay was applied) */
  readonly engine: EngineInfo;
  readonly notice?: string;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function describeOutOfFold(s: OutOfFoldScore, folds: number): string {
  return `out-of-fold accuracy ${pct(s.accuracy)} on ${s.n.toLocaleString('en-US')} scored verbatims (${folds} folds by account; always "${s.majorityLabel}" ${pct(s.majorityAccuracy)}, lexicon alone ${pct(s.lexiconAccuracy)})`;
}

/** Rows of cross_fit_rows read into JS at once (features of one chunk; the fold models' training rows are kept apart). */
export const CROSS_FIT_CHUNK = 10_000;

function toCrossFitRow(r: DuckDBValue[]): CrossFitRow {
  const [id, group, textHash, label, hashes, polarity, positive, negative, hits] = r;
  return {
    id: String(id),
    group: String(group),
    textHash: String(textHash),
    ...(label === null ? {} : { label: String(label) as SentimentLabel }),
    hashes: unpackHashes((hashes as DuckDBBlobValue).bytes),
    lexicon: { polarity: Number(polarity), positive: Number(positive), negative: Number(negative), hits: Number(hits) },
  };
}

/** Visits cross_fit_rows chunk by chunk, in response id order. */
async function forEachChunk(conn: DuckDBConnection, total: number, chunk: number, visit: (rows: CrossFitRow[]) => void): Promise<void> {
  for (let after = 0; after < total; after += chunk) {
    const reader = await conn.runAndReadAll(sqlFile('classify/read-cross-fit-chunk'), { after, upto: after + chunk });
    visit((reader.getRows() as DuckDBValue[][]).map(toCrossFitRow));
  }
}

interface StreamedFit {
  readonly models: DomainModel[];
  readonly k: number;
  readonly dim: number;
}

/**
 * The fold models without holding every row: one pass over the scored rows' ids and fold keys (typed arrays of
 * id hash, fold and ord) gives each fold's threshold and the rows under a threshold (about maxTrainRows × k / (k − 1));
 * only those are read whole, on which trainFoldModels selects exactly what it would on all rows.
 */
async function trainStreamed(conn: DuckDBConnection, total: number, chunk: number, opts: CrossFitPhaseOptions): Promise<StreamedFit> {
  const { k, dim } = resolveCrossFitOptions(opts);
  const idHash = new Uint32Array(total);
  const folds = new Uint16Array(total);
  const ords = new Float64Array(total);
  let scored = 0;
  for (let after = 0; after < total; after += chunk) {
    const reader = await conn.runAndReadAll(sqlFile('classify/read-cross-fit-keys'), { after, upto: after + chunk });
    for (const [ord, id, group] of reader.getRows()) {
      ords[scored] = Number(ord);
      idHash[scored] = fnv1a(String(id));
      folds[scored++] = foldOf(String(group), k);
    }
  }
  const thresholds = trainingThresholds(idHash.subarray(0, scored), folds.subarray(0, scored), opts);
  await runSqlFile(conn, 'classify/create-cross-fit-candidates');
  const appender = await conn.createAppender('cross_fit_candidates');
  try {
    for (let i = 0; i < scored; i++) {
      const h = idHash[i]!;
      const own = folds[i]!;
      if (thresholds.some((t, f) => f !== own && h <= t)) {
        appender.appendBigInt(BigInt(ords[i]!));
        appender.endRow();
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const candidates = ((await conn.runAndReadAll(sqlFile('classify/read-cross-fit-candidates'))).getRows() as DuckDBValue[][]).map(toCrossFitRow);
  await conn.run('DROP TABLE cross_fit_candidates');
  opts.onCandidates?.(candidates.length);
  return { models: trainFoldModels(candidates, candidates.map((r) => foldOf(r.group, k)), opts), k, dim };
}

/** Writes domain_sentiment: every row of cross_fit_rows, chunk by chunk, with its fold and sentiment. */
async function appendOverlayRows(
  conn: DuckDBConnection,
  total: number,
  chunk: number,
  opts: CrossFitPhaseOptions,
  score: (r: CrossFitRow) => { fold: number; result: SentimentResult },
): Promise<void> {
  const appender = await conn.createAppender('domain_sentiment');
  try {
    await forEachChunk(conn, total, chunk, (rows) => {
      opts.onChunk?.(rows.length);
      for (const r of rows) {
        const { fold, result } = score(r);
        appender.appendVarchar(r.id);
        appender.appendInteger(fold);
        appender.appendVarchar(result.label);
        appender.appendDouble(round6(result.polarity));
        appender.appendDouble(round6(result.confidence));
        appender.endRow();
      }
      appender.flushSync();
    });
  } finally {
    appender.closeSync();
  }
}

/** The run's distinct texts, read chunk by chunk, into a self-trained model (throws SelfTrainingError when too few). */
async function selfTrainStreamed(conn: DuckDBConnection, chunk: number): Promise<SelfTrainedModel> {
  await runSqlFile(conn, 'classify/stage-self-training-texts');
  try {
    const [count] = await querySqlFile(conn, 'classify/count-self-training-texts');
    const total = Number(count?.n ?? 0);
    const trainer = createSelfTrainer();
    for (let after = 0; after < total; after += chunk) {
      const reader = await conn.runAndReadAll(sqlFile('classify/read-self-training-chunk'), { after, upto: after + chunk });
      for (const [key, hashes, polarity, hits] of reader.getRows()) {
        trainer.add({
          key: String(key),
          hashes: unpackHashes((hashes as DuckDBBlobValue).bytes),
          lexicon: { polarity: Number(polarity), hits: Number(hits) },
        });
      }
    }
    return trainer.finish();
  } finally {
    await conn.run('DROP TABLE IF EXISTS self_training_texts');
  }
}

/** Too few scored verbatims to cross-fit (`reason`): self-train on the run's texts, else keep the lexicon. */
async function selfTrainInstead(conn: DuckDBConnection, total: number, chunk: number, opts: CrossFitPhaseOptions, reason: string): Promise<CrossFitPhaseResult> {
  let model: SelfTrainedModel;
  try {
    model = await selfTrainStreamed(conn, chunk);
  } catch (error) {
    if (!(error instanceof SelfTrainingError)) throw error;
    await writeOverlay(conn, opts, undefined);
    return { engine: opts.sentiment, notice: `sentiment: domain adaptation skipped (${reason}), and no self-trained model either (${error.message}); verbatim sentiment is the lexicon's` };
  }
  await appendOverlayRows(conn, total, chunk, opts, (r) => {
    const item = { key: r.textHash, hashes: r.hashes, lexicon: r.lexicon };
    return { fold: selfTrainingFold(item.key), result: selfTrainedScore(model, item) };
  });
  const engine = selfTrainedEngineInfo(model, 'this run');
  await writeOverlay(conn, opts, engine);
  return {
    engine,
    selfTrained: { fingerprint: model.fingerprint, texts: model.texts, pseudoLabels: model.pseudoLabels },
    notice: `sentiment: too few scored verbatims for the domain model (${reason}); the embedded engine self-trained on the ${model.texts.toLocaleString('en-US')} distinct texts of this run instead (see engine)`,
  };
}

async function writeOverlay(conn: DuckDBConnection, opts: CrossFitPhaseOptions, domain: EngineInfo | undefined): Promise<void> {
  // every response (the macros of output-rows.sql read this view)
  await conn.run('CREATE OR REPLACE TEMP VIEW classify_output_rows_of AS SELECT response_id, text_hash FROM response_text_hashes');
  await runSqlFile(conn, 'classify/output-rows');
  await runSqlFile(conn, 'classify/overlay-domain-sentiment', {
    ...cacheKeyParams(opts.key),
    sentiment_engine: opts.sentiment.engine,
    sentiment_model: opts.sentiment.model,
    sentiment_revision: opts.sentiment.revision,
    domain_model: domain?.model ?? opts.sentiment.model,
    domain_revision: domain?.revision ?? opts.sentiment.revision,
  });
}

async function storeSet(conn: DuckDBConnection, set: DomainModelSet, runDate: string): Promise<void> {
  await runSqlFile(conn, 'classify/create-domain-model-store');
  await conn.run('BEGIN TRANSACTION');
  try {
    await runSqlFile(conn, 'classify/replace-domain-model');
    await runSqlFile(conn, 'classify/insert-domain-model', {
      fingerprint: domainSetFingerprint(set.models),
      lexicon_version: set.lexiconVersion,
      trained_on: set.outOfFold.n,
      trained_run: runDate,
      model: JSON.stringify(set),
    });
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

export async function runCrossFitPhase(conn: DuckDBConnection, opts: CrossFitPhaseOptions): Promise<CrossFitPhaseResult> {
  await runSqlFile(conn, 'classify/create-domain-sentiment');
  if (!opts.enabled) {
    const [row] = await querySqlFile(conn, 'classify/count-domain-rows', { sentiment_model: opts.sentiment.model });
    if (Number(row?.n ?? 0) > 0) await writeOverlay(conn, opts, undefined);
    return { engine: opts.sentiment };
  }
  const newlyFeaturized = await updateSentimentFeatures(conn, opts.key);
  await runSqlFile(conn, 'classify/stage-cross-fit-rows', { lexicon_version: LEXICON_VERSION });
  const [count] = await querySqlFile(conn, 'classify/count-cross-fit-rows');
  const total = Number(count?.n ?? 0);
  const chunk = Math.max(1, opts.chunkSize ?? CROSS_FIT_CHUNK);
  let fit: StreamedFit;
  try {
    fit = await trainStreamed(conn, total, chunk, opts);
  } catch (error) {
    if (!(error instanceof DomainModelError)) throw error;
    return selfTrainInstead(conn, total, chunk, opts, error.message);
  }
  const predictors = fit.models.map(createDomainPredictor);
  const tally = createOutOfFoldTally();
  await appendOverlayRows(conn, total, chunk, opts, (r) => {
    const fold = foldOf(r.group, fit.k);
    const result = scoreCrossFitRow(predictors[fold]!, r, fit.dim);
    if (r.label !== undefined) tally.add(r.label, result.label, lexiconResult(r.lexicon.polarity, r.lexicon.hits).label);
    return { fold, result };
  });
  const set = crossFitModelSet(fit.models, tally.score());
  const engine = domainEngineInfo(set);
  await writeOverlay(conn, opts, engine);
  await storeSet(conn, set, opts.runDate);
  const folds = set.models.length;
  const domain: DomainSummary = { folds, fingerprint: domainSetFingerprint(set.models), outOfFold: set.outOfFold, newlyFeaturized };
  return { domain, engine, notice: `sentiment: domain model cross-fitted, each response scored by the model not trained on its account; ${describeOutOfFold(set.outOfFold, folds)}` };
}

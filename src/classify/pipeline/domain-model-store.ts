/**
 * Keeps the embedded engine's domain model between nightly runs. Its fingerprint is part of the
 * classification cache key, so retraining every night on a slightly larger set would reclassify
 * every verbatim every night. The stored model is reused until the scored verbatims have grown by
 * `retrainGrowth` (default 25 %) or the lexicon changed; then it is retrained once and stored.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { LEXICON_VERSION, parseDomainModel, trainDomainModel, DomainModelError, type DomainModel } from '../embedded/index.ts';
import type { TrainingData } from '../registry.ts';

export interface PrepareDomainOptions {
  /** the run's date (YYYY-MM-DD), recorded with a newly trained model */
  readonly runDate: string;
  /** retrain when the scored verbatims grew by this fraction since the stored model (default 0.25) */
  readonly retrainGrowth?: number;
  /** fewer scored verbatims than this: no domain model (default 50) */
  readonly minTraining?: number;
}

export interface PreparedDomain {
  readonly domain?: DomainModel;
  readonly notice: string;
}

export async function prepareDomainModel(conn: DuckDBConnection, data: TrainingData, opts: PrepareDomainOptions): Promise<PreparedDomain> {
  await runSqlFile(conn, 'classify/create-domain-model-store');
  const [stored] = await querySqlFile(conn, 'classify/select-domain-model');
  const growth = opts.retrainGrowth ?? 0.25;
  const n = data.texts.length;
  if (stored !== undefined && String(stored.lexicon_version) === LEXICON_VERSION && n < Number(stored.trained_on) * (1 + growth)) {
    const domain = parseDomainModel(JSON.parse(String(stored.model)));
    return { domain, notice: `sentiment: embedded domain model ${domain.fingerprint} reused (trained on ${domain.trainedOn} scored verbatims on ${String(stored.trained_run)}; ${n} now, retrained at ${Math.ceil(Number(stored.trained_on) * (1 + growth))})` };
  }
  if (n < (opts.minTraining ?? 50)) return { notice: `sentiment: domain adaptation skipped, ${n} scored verbatims (needs ${opts.minTraining ?? 50})` };
  let domain: DomainModel;
  try {
    domain = trainDomainModel(data.texts, data.labels);
  } catch (error) {
    if (error instanceof DomainModelError) return { notice: `sentiment: domain adaptation skipped (${error.message})` };
    throw error;
  }
  await conn.run('BEGIN TRANSACTION');
  try {
    await runSqlFile(conn, 'classify/replace-domain-model');
    await runSqlFile(conn, 'classify/insert-domain-model', {
      fingerprint: domain.fingerprint,
      lexicon_version: LEXICON_VERSION,
      trained_on: n,
      trained_run: opts.runDate,
      model: JSON.stringify(domain),
    });
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
  return { domain, notice: `sentiment: embedded domain model ${domain.fingerprint} trained on ${n} scored verbatims` };
}

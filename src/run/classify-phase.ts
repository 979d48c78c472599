/**
 * The verbatim phase of a run: resolve the engines the pipeline asks for (embedded default, or
 * transformer model directories under models/ with an optional fallback), adapt the embedded
 * sentiment model to the dataset's own scored verbatims, classify only new or changed texts
 * (cache in the DuckDB file), then cluster unmatched clauses into candidate themes.
 */
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Pipeline } from '../config/pipeline-schema.ts';
import { resolveEngines } from '../classify/registry.ts';
import { loadTrainingData } from '../classify/pipeline/load-training-data.ts';
import { prepareDomainModel } from '../classify/pipeline/domain-model-store.ts';
import { classifyResponses } from '../classify/pipeline/classify-responses.ts';
import { discoverThemes } from '../classify/discovery/discover-themes.ts';
import type { EngineInfo } from '../classify/classifier-types.ts';

export interface ClassifySummary {
  /** one line per engine: what produced the sentiment and the themes */
  readonly engines: readonly EngineInfo[];
  /** fallbacks used, domain adaptation done, reused or skipped */
  readonly notices: readonly string[];
  readonly distinctTexts: number;
  readonly cachedHits: number;
  readonly newlyClassified: number;
  readonly sentimentRows: number;
  readonly mentionRows: number;
  readonly candidateThemes: number;
}

export interface ClassifyPhaseOptions {
  readonly asOf: string;
  /** folder holding model directories (default: models/ in the current directory) */
  readonly modelsRoot?: string;
  readonly quiet: boolean;
}

export async function classifyPhase(conn: DuckDBConnection, pipeline: Pipeline, opts: ClassifyPhaseOptions): Promise<ClassifySummary> {
  const config = pipeline.classify;
  const prepared = config.domain_adaptation ? await prepareDomainModel(conn, await loadTrainingData(conn), { runDate: opts.asOf }) : undefined;
  const engines = await resolveEngines(config, pipeline.taxonomy, resolve(opts.modelsRoot ?? 'models'), prepared);
  const run = await classifyResponses(conn, {
    engines,
    ...(pipeline.taxonomy !== undefined ? { taxonomyVersion: pipeline.taxonomy.version } : {}),
    batchSize: config.batch_size,
    concurrency: config.concurrency,
    quiet: opts.quiet,
  });
  const discovered = pipeline.taxonomy === undefined ? undefined : await discoverThemes(conn, { runDate: opts.asOf });
  return {
    engines: run.engines,
    notices: engines.notices,
    distinctTexts: run.distinctTexts,
    cachedHits: run.cachedHits,
    newlyClassified: run.newlyClassified,
    sentimentRows: run.sentimentRows,
    mentionRows: run.mentionRows,
    candidateThemes: discovered?.seen.length ?? 0,
  };
}

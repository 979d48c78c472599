/**
 * The verbatim phase of a run, as the run summary reports it: runClassifyPhase does the work
 * (engines, domain adaptation, incremental classification, candidate themes); this keeps the
 * JSON-friendly part for run-summary.json.
 */
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Pipeline } from '../config/pipeline-schema.ts';
import { runClassifyPhase } from '../classify/pipeline/run-classify-phase.ts';
import type { EngineInfo } from '../classify/classifier-types.ts';

export interface ClassifySummary {
  /** what produced the sentiment and the themes (says "embedded default, no transformer installed" when so) */
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
  const run = await runClassifyPhase(conn, {
    config: pipeline.classify,
    ...(pipeline.taxonomy !== undefined ? { taxonomy: pipeline.taxonomy } : {}),
    modelsRoot: resolve(opts.modelsRoot ?? 'models'),
    runDate: opts.asOf,
    quiet: opts.quiet,
  });
  return {
    engines: run.engines,
    notices: run.notices,
    distinctTexts: run.distinctTexts,
    cachedHits: run.cachedHits,
    newlyClassified: run.newlyClassified,
    sentimentRows: run.sentimentRows,
    mentionRows: run.mentionRows,
    candidateThemes: run.discovery?.candidates ?? 0,
  };
}

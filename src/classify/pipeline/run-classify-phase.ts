/**
 * The classify phase of a pipeline run, start to finish:
 *
 *   classify: section ─▶ resolveEngines (fallback notices) ─▶ classifyResponses (text-only, incremental
 *     cache ─▶ verbatim_sentiment, theme_mentions) ─▶ runCrossFitPhase (domain models retrained on this
 *     run's scored verbatims, cross-fitted by account ─▶ verbatim_sentiment overlay) ─▶ discoverThemes
 *
 * **Example:**
 * ```ts
 * const r = await runClassifyPhase(conn, { config: classifyConfigSchema.parse(pipeline.classify), taxonomy: pipeline.taxonomy, modelsRoot: 'models', runDate: '2024-06-01' });
 * r.domain?.outOfFold; // { n: 4120, accuracy: 0.81, majorityLabel: 'negative', majorityAccuracy: 0.52, lexiconAccuracy: 0.70 }
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import type { ClassifyConfig } from '../classify-config-schema.ts';
import { resolveEngines } from '../registry.ts';
import { discoverThemes, type DiscoverResult } from '../discovery/discover-themes.ts';
import { classifyResponses, type ClassifyResponsesResult } from './classify-responses.ts';
import { runCrossFitPhase, type DomainSummary } from './cross-fit-phase.ts';
import type { ProgressOutput } from './progress-bar.ts';

export interface ClassifyPhaseOptions {
  readonly config: ClassifyConfig;
  readonly taxonomy?: Taxonomy;
  readonly modelsRoot: string;
  /** YYYY-MM-DD: dates the domain model and the theme candidates */
  readonly runDate: string;
  /** cluster unmatched clauses into theme candidates (default true when there is a taxonomy) */
  readonly discover?: boolean;
  readonly quiet?: boolean;
  readonly progressOutput?: ProgressOutput;
}

export interface ClassifyPhaseResult extends ClassifyResponsesResult {
  readonly notices: readonly string[];
  /** the cross-fitted domain model behind verbatim_sentiment, with its out-of-fold accuracy */
  readonly domain?: DomainSummary;
  readonly discovery?: Pick<DiscoverResult, 'unmatchedClauses'> & { readonly candidates: number; readonly newCandidates: readonly string[] };
}

export async function runClassifyPhase(conn: DuckDBConnection, opts: ClassifyPhaseOptions): Promise<ClassifyPhaseResult> {
  const engines = await resolveEngines(opts.config, opts.taxonomy, opts.modelsRoot);
  const run = await classifyResponses(conn, {
    engines,
    ...(opts.taxonomy !== undefined ? { taxonomyVersion: opts.taxonomy.version } : {}),
    batchSize: opts.config.batch_size,
    concurrency: opts.config.concurrency,
    quiet: opts.quiet,
    progressOutput: opts.progressOutput,
  });
  // the domain model adapts the embedded engine only (a transformer that loaded is used as it is)
  const crossFit = await runCrossFitPhase(conn, {
    runDate: opts.runDate,
    key: run.key,
    sentiment: engines.sentiment.info,
    enabled: opts.config.domain_adaptation && engines.sentiment.info.engine === 'embedded',
  });
  const notices = crossFit.notice === undefined ? engines.notices : [...engines.notices, crossFit.notice];
  const result = {
    ...run,
    engines: [crossFit.engine, ...run.engines.slice(1)],
    notices,
    ...(crossFit.domain !== undefined ? { domain: crossFit.domain } : {}),
  };
  if (opts.taxonomy === undefined || opts.discover === false) return result;
  const found = await discoverThemes(conn, { runDate: opts.runDate });
  return {
    ...result,
    discovery: {
      unmatchedClauses: found.unmatchedClauses,
      candidates: found.seen.length,
      newCandidates: found.seen.filter((c) => c.firstSeen === opts.runDate).map((c) => c.candidateId),
    },
  };
}

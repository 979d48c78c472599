/**
 * The verbatim phase of a run, as the run summary reports it: runClassifyPhase does the work
 * (engines, domain adaptation, incremental classification, candidate themes); this keeps the
 * JSON-friendly part for run-summary.json.
 */
import type { ProgressOutput } from '../classify/pipeline/progress-bar.ts';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Pipeline } from '../config/pipeline-schema.ts';
import { runClassifyPhase } from '../classify/pipeline/run-classify-phase.ts';
import type { EngineInfo } from '../classify/classifier-types.ts';
import { resolveQueueConfig } from '../classify/queue/queue-config-schema.ts';
import type { QueueStats } from '../classify/queue/queue-classifier.ts';
import type { OutOfFoldScore } from '../classify/embedded/domain-model-set.ts';

export interface ClassifySummary {
  /** what produced the sentiment and the themes (says "embedded default, no transformer installed" when so) */
  readonly engines: readonly EngineInfo[];
  /** fallbacks used, domain adaptation done, reused or skipped */
  readonly notices: readonly string[];
  readonly distinctTexts: number;
  readonly sentimentRows: number;
  readonly mentionRows: number;
  readonly candidateThemes: number;
  /**
   * The cross-fitted domain model behind verbatim_sentiment: folds and out-of-fold accuracy on the
   * scored verbatims (each predicted by the model not trained on its account), majority and lexicon
   * baselines beside it. Absent when domain adaptation is off or was skipped (see notices).
   */
  readonly domainModel?: { readonly folds: number; readonly fingerprint: string; readonly outOfFold: OutOfFoldScore };
  /**
   * With domain adaptation on but too few scored verbatims to cross-fit: the sentiment model self-trained on
   * this run's distinct texts (the lexicon's sure verdicts as labels, no score read) behind verbatim_sentiment,
   * and its pseudo-labels per class (negative, neutral, positive). Absent otherwise.
   */
  readonly selfTrainedSentiment?: { readonly fingerprint: string; readonly texts: number; readonly pseudoLabels: readonly number[] };
  /**
   * With domain adaptation on, the embedded sentiment engine and the embedded topic model: the sentiment model
   * self-trained on this run's distinct clauses (the lexicon's sure verdicts as labels, no score read) behind
   * the sentiment of theme_mentions, its pseudo-labels per class and how many clauses changed label. Absent
   * otherwise, or with fewer than 500 distinct clauses (see notices): mention sentiment is then the lexicon's.
   */
  readonly mentionSentiment?: { readonly fingerprint: string; readonly clauses: number; readonly pseudoLabels: readonly number[]; readonly relabelled: number };
  /**
   * The embedded topic model behind theme_mentions, retrained on this run's clauses: its fingerprint and
   * what it was trained on. Absent without a taxonomy, with another topic engine, or when too few clauses
   * match a seed (see notices).
   */
  readonly topicModel?: { readonly fingerprint: string; readonly distinctClauses: number; readonly seeded: number; readonly selfLabelled: number };
}

export interface ClassifyPhaseOptions {
  readonly asOf: string;
  /** folder holding model directories (default: models/ in the current directory) */
  readonly modelsRoot?: string;
  readonly quiet: boolean;
  /** where the classification progress bar is drawn (default: stderr, when it is a terminal) */
  readonly progressOutput?: ProgressOutput;
  /** Redis address from --queue: classify on `ecoute worker` processes */
  readonly queue?: string;
  readonly log?: (message: string) => void;
}

/**
 * How much work the cache spared: a fact of this run in this folder, not of the night's data, so it
 * goes to run-timings.json beside the timings (run-summary.json is the same whatever the cache held).
 */
export interface ClassifyWork {
  readonly cachedHits: number;
  readonly newlyClassified: number;
  /** with classify.queue: chunks done by workers, stalled and retried, or run here (fallback) */
  readonly queue?: QueueStats;
}

export async function classifyPhase(conn: DuckDBConnection, pipeline: Pipeline, opts: ClassifyPhaseOptions): Promise<{ summary: ClassifySummary; work: ClassifyWork }> {
  const queue = resolveQueueConfig(pipeline.classify.queue, opts.queue);
  const run = await runClassifyPhase(conn, {
    config: pipeline.classify,
    ...(pipeline.taxonomy !== undefined ? { taxonomy: pipeline.taxonomy } : {}),
    modelsRoot: resolve(opts.modelsRoot ?? 'models'),
    runDate: opts.asOf,
    quiet: opts.quiet,
    ...(opts.progressOutput !== undefined ? { progressOutput: opts.progressOutput } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(opts.log !== undefined ? { log: opts.log } : {}),
  });
  return {
    summary: {
      engines: run.engines,
      notices: run.notices,
      distinctTexts: run.distinctTexts,
      sentimentRows: run.sentimentRows,
      mentionRows: run.mentionRows,
      candidateThemes: run.discovery?.candidates ?? 0,
      ...(run.domain !== undefined ? { domainModel: { folds: run.domain.folds, fingerprint: run.domain.fingerprint, outOfFold: run.domain.outOfFold } } : {}),
      ...(run.selfTrained !== undefined ? { selfTrainedSentiment: run.selfTrained } : {}),
      ...(run.mentionSentiment !== undefined ? { mentionSentiment: run.mentionSentiment } : {}),
      ...(run.topicModel !== undefined
        ? { topicModel: { fingerprint: run.topicModel.fingerprint, distinctClauses: run.topicModel.stats.distinctClauses, seeded: run.topicModel.stats.seeded, selfLabelled: run.topicModel.stats.selfLabelled } }
        : {}),
    },
    work: { cachedHits: run.cachedHits, newlyClassified: run.newlyClassified, ...(run.queue !== undefined ? { queue: run.queue } : {}) },
  };
}

/**
 * The classify phase of a pipeline run, start to finish:
 *
 *   classify: section ─▶ resolveEngines (fallback notices) ─▶ classifyResponses (text-only, incremental
 *     cache ─▶ verbatim_sentiment, theme_mentions; with the embedded topic engine, clauses and their topic
 *     features instead of themes) ─▶ runTopicModelPhase (topic model retrained on this run's clauses
 *     ─▶ theme_mentions, their sentiment self-trained on the run's clauses) ─▶ runCrossFitPhase (domain models retrained on this run's scored verbatims,
 *     cross-fitted by account ─▶ verbatim_sentiment overlay) ─▶ discoverThemes
 *
 * Both models are a function of the run's data alone, so a nightly run on appended files publishes what a
 * run from scratch on the same files publishes, and only the night's new texts are classified.
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
import { saveThemeCandidates } from '../discovery/theme-candidates-store.ts';
import { classifyResponses, type ClassifyResponsesResult } from './classify-responses.ts';
import { runCrossFitPhase, type DomainSummary, type SelfTrainedSummary } from './cross-fit-phase.ts';
import { isPerRunTopicEngine } from '../embedded/topic-engine.ts';
import type { TopicModelStats } from '../embedded/train-topic-model.ts';
import { mayUseTopicModel } from './prepare-topic-model.ts';
import { runTopicModelPhase } from './run-topic-model-phase.ts';
import type { ClauseSentimentSummary } from './self-train-clause-sentiment.ts';
import type { ProgressOutput } from './progress-bar.ts';
import { withClassifyQueue } from '../queue/with-classify-queue.ts';
import type { QueueConfig } from '../queue/queue-config-schema.ts';
import type { QueueStats } from '../queue/queue-classifier.ts';

/** Days before the run date within which a candidate's first clause makes it a new candidate. */
const NEW_CANDIDATE_DAYS = 31;

/** Whether `day` lies within NEW_CANDIDATE_DAYS before `runDate` (both YYYY-MM-DD). */
function isRecent(day: string, runDate: string): boolean {
  const age = (Date.parse(`${runDate}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
  return age >= 0 && age < NEW_CANDIDATE_DAYS;
}

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
  /** classify the uncached texts on `ecoute worker` processes (classify.queue, --queue) */
  readonly queue?: QueueConfig;
  readonly log?: (message: string) => void;
}

export interface ClassifyPhaseResult extends ClassifyResponsesResult {
  readonly notices: readonly string[];
  /** chunks sent to workers, stalled and retried, or run here after the no-worker timeout */
  readonly queue?: QueueStats;
  /** the cross-fitted domain model behind verbatim_sentiment, with its out-of-fold accuracy */
  readonly domain?: DomainSummary;
  /** the model self-trained on this run's texts behind verbatim_sentiment (too few scored verbatims to cross-fit) */
  readonly selfTrained?: SelfTrainedSummary;
  /** the sentiment model self-trained on this run's clauses, behind the sentiment of theme_mentions */
  readonly mentionSentiment?: ClauseSentimentSummary;
  /** the topic model trained on this run's clauses, behind theme_mentions */
  readonly topicModel?: { readonly fingerprint: string; readonly stats: TopicModelStats };
  readonly discovery?: Pick<DiscoverResult, 'unmatchedClauses'> & { readonly candidates: number; /** candidates whose first clause was written in the 31 days before the run date */
    readonly newCandidates: readonly string[] };
}

export async function runClassifyPhase(conn: DuckDBConnection, opts: ClassifyPhaseOptions): Promise<ClassifyPhaseResult> {
  // the embedded topic model is trained after classification, from the clause features cached per text
  // (run-topic-model-phase): workers of a queue compute the same text-only features
  const perRun = opts.taxonomy !== undefined && mayUseTopicModel(opts.config) ? ('per-run' as const) : undefined;
  const engines = await resolveEngines(opts.config, opts.taxonomy, opts.modelsRoot, undefined, perRun);
  const { result: classified, queue } = await withClassifyQueue(opts.queue, { config: opts.config, ...(opts.taxonomy !== undefined ? { taxonomy: opts.taxonomy } : {}), engines, ...(perRun !== undefined ? { topicModel: perRun } : {}), ...(opts.log !== undefined ? { log: opts.log } : {}) }, (remote) =>
    classifyResponses(conn, {
      engines,
      ...(opts.taxonomy !== undefined ? { taxonomyVersion: opts.taxonomy.version } : {}),
      batchSize: opts.config.batch_size,
      concurrency: opts.config.concurrency,
      quiet: opts.quiet,
      progressOutput: opts.progressOutput,
      ...remote,
    }),
  );
  // the domain model and the self-trained models adapt the embedded engine only (a transformer that loaded is used as it is)
  const adapt = opts.config.domain_adaptation && engines.sentiment.info.engine === 'embedded';
  const topics = isPerRunTopicEngine(engines.topics)
    ? await runTopicModelPhase(conn, { key: classified.key, topics: engines.topics, distinctTexts: classified.distinctTexts, selfTrainSentiment: adapt })
    : undefined;
  const run =
    topics === undefined
      ? classified
      : { ...classified, engines: classified.engines.map((e) => (e === engines.topics?.info ? topics.engine : e)), mentionRows: topics.mentionRows };
  const crossFit = await runCrossFitPhase(conn, { runDate: opts.runDate, key: run.key, sentiment: engines.sentiment.info, enabled: adapt });
  const mentionNotice = topics?.mentionSentiment.notice;
  const notices = [...engines.notices, ...(topics === undefined ? [] : [topics.notice]), ...(mentionNotice === undefined ? [] : [mentionNotice]), ...(crossFit.notice === undefined ? [] : [crossFit.notice])];
  const result = {
    ...run,
    engines: [crossFit.engine, ...run.engines.slice(1)],
    notices,
    ...(crossFit.domain !== undefined ? { domain: crossFit.domain } : {}),
    ...(crossFit.selfTrained !== undefined ? { selfTrained: crossFit.selfTrained } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(topics?.model !== undefined ? { topicModel: { fingerprint: topics.model.fingerprint, stats: topics.model.stats } } : {}),
    ...(topics?.mentionSentiment.summary !== undefined ? { mentionSentiment: topics.mentionSentiment.summary } : {}),
  };
  if (opts.taxonomy === undefined || opts.discover === false) {
    // no discovery tonight: the candidates of an earlier night (the database is a copy of it) are not this night's
    await saveThemeCandidates(conn, []);
    return result;
  }
  const found = await discoverThemes(conn, { runDate: opts.runDate });
  return {
    ...result,
    discovery: {
      unmatchedClauses: found.unmatchedClauses,
      candidates: found.seen.length,
      newCandidates: found.seen.filter((c) => isRecent(c.firstSeen, opts.runDate)).map((c) => c.candidateId),
    },
  };
}

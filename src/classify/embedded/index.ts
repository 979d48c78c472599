/**
 * Public API of the embedded default verbatim engine (French + English, no download).
 *
 *   const sentiment = createEmbeddedSentimentEngine({ domain: trainDomainModel(texts, labels) });
 *   const topics = createEmbeddedTopicEngine(taxonomy);
 *   const results = await classifyVerbatims(verbatims, { sentiment, topics });
 */
export { detectLanguage } from '../language/detect-language.ts';
export { splitClauses, splitClauseSpans, type ClauseSpan } from '../clauses/split-clauses.ts';
export { cleanText, cleanTextWithOffsets, MAX_TEXT_CHARS } from './clean-text.ts';
export { createEmbeddedSentimentEngine, EMBEDDED_SENTIMENT_MODEL, type EmbeddedSentimentOptions } from './sentiment-engine.ts';
export {
  trainDomainModel,
  sentimentLabelFromScore,
  DomainModelError,
  DOMAIN_LABELS,
  type DomainModel,
  type TrainDomainOptions,
} from './domain-model.ts';
export { parseDomainModel, domainModelSchema } from './domain-model-schema.ts';
export {
  createEmbeddedTopicEngine,
  createKeywordTopicEngine,
  createPerRunTopicEngine,
  isPerRunTopicEngine,
  EMBEDDED_TOPIC_MODEL,
  KEYWORD_TOPIC_MODEL,
  type EmbeddedTopicOptions,
  type PerRunTopicEngine,
} from './topic-engine.ts';
export { trainTopicModel, trainTopicModelOnClauses, trainTopicModelOnVerbatims, TopicModelError, type TopicModel } from './train-topic-model.ts';
export { featurizeVerbatims, type FeaturizedClause, type FeaturizedVerbatim } from './featurize-verbatims.ts';
export { classifyVerbatims, type VerbatimEngines } from './classify-verbatims.ts';
export { scoreLexicon, type LexiconScore } from './score-lexicon.ts';
export { LEXICON_VERSION, lexiconSize } from './compile-lexicon.ts';

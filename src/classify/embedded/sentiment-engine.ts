/**
 * The embedded default SentimentEngine: lexicon and rules, optionally blended with a domain model
 * (or a cross-fitted set of them, see domain-model-set.ts) trained on a dataset's scored verbatims,
 * or else completed by a model self-trained on the dataset's texts (self-trained-sentiment.ts).
 * No download, deterministic.
 *
 * Example:
 *   const engine = createEmbeddedSentimentEngine();
 *   await engine.classifySentiment(['Livraison rapide, merci !'])
 *   // → [{ label: 'positive', polarity: 0.7…, confidence: 0.8… }]
 */
import { createHash } from 'node:crypto';
import type { EngineInfo, Language, SentimentEngine, SentimentResult } from '../classifier-types.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { blendWithLexicon, DEFAULT_NEUTRAL_BAND, lexiconResult } from './blend-domain.ts';
import { cleanText } from './clean-text.ts';
import { LEXICON_VERSION } from './compile-lexicon.ts';
import { createEnsemblePredictor, domainSetFingerprint, isDomainModelSet, type DomainModelSet } from './domain-model-set.ts';
import type { DomainModel } from './domain-model.ts';
import { scoreLexicon } from './score-lexicon.ts';
import { describeSelfTrained, selfTrainedVerdict, trainSelfTrainedSentiment, type SelfTrainedModel, type SelfTrainedSentiment } from './self-trained-sentiment.ts';

export { lexiconResult } from './blend-domain.ts';

export interface EmbeddedSentimentOptions {
  readonly domain?: DomainModel | DomainModelSet;
  /** used only without `domain`: among the texts it was trained on, those the lexicon is unsure of take its label */
  readonly selfTrained?: SelfTrainedSentiment;
  /** |polarity| below this is neutral for the lexicon alone (default 0.15) */
  readonly neutralBand?: number;
}

export const EMBEDDED_SENTIMENT_MODEL = 'ecoute-embedded-lexicon';

/** Engine info of the lexicon alone (the text-only engine a pipeline caches by text). */
export const LEXICON_ENGINE_INFO: EngineInfo = {
  engine: 'embedded',
  model: EMBEDDED_SENTIMENT_MODEL,
  revision: `lex-${LEXICON_VERSION}`,
  description: 'embedded default (FR/EN lexicon), no transformer installed',
};

/** Engine info of the lexicon + domain model(s): the revision hashes the lexicon and every model. */
export function domainEngineInfo(domain: DomainModel | DomainModelSet): EngineInfo {
  const models = isDomainModelSet(domain) ? domain.models : [domain];
  const trainedOn = isDomainModelSet(domain) ? domain.outOfFold.n : domain.trainedOn;
  const revision = createHash('sha256').update(`${LEXICON_VERSION}\u0000${domain.lexiconVersion}\u0000${domainSetFingerprint(models)}`).digest('hex').slice(0, 16);
  return {
    engine: 'embedded',
    model: `${EMBEDDED_SENTIMENT_MODEL}+domain`,
    revision,
    description: isDomainModelSet(domain)
      ? `embedded default (FR/EN lexicon + domain model cross-fitted in ${models.length} folds on ${trainedOn.toLocaleString('en-US')} scored verbatims of this dataset), no transformer installed`
      : `embedded default (FR/EN lexicon + domain model trained on ${trainedOn.toLocaleString('en-US')} scored verbatims of this dataset), no transformer installed`,
  };
}

/** Engine info of the lexicon + a self-trained model (trained on the texts of `of`): the revision hashes the lexicon and the model's training texts. */
export function selfTrainedEngineInfo(model: SelfTrainedModel, of = 'this input'): EngineInfo {
  return {
    engine: 'embedded',
    model: `${EMBEDDED_SENTIMENT_MODEL}+self`,
    revision: createHash('sha256').update(`${LEXICON_VERSION}\u0000${model.lexiconVersion}\u0000${model.fingerprint}`).digest('hex').slice(0, 16),
    description: `embedded default (FR/EN lexicon + ${describeSelfTrained(model, of)}), no transformer installed`,
  };
}

/** The text and language the engine scores for a raw text: cleaned, in the language given or detected. */
export function sentimentInput(raw: string, given: Language | undefined): { text: string; language: Language } {
  const text = cleanText(raw ?? '');
  return { text, language: given ?? detectLanguage(text) };
}

/** A model self-trained on raw texts as this engine will see them (throws SelfTrainingError when too few). */
export function selfTrainOn(texts: readonly string[], languages?: readonly (Language | undefined)[]): SelfTrainedSentiment {
  return trainSelfTrainedSentiment(texts.map((t, i) => sentimentInput(t, languages?.[i])));
}

export function createEmbeddedSentimentEngine(opts: EmbeddedSentimentOptions = {}): SentimentEngine {
  const band = opts.neutralBand ?? DEFAULT_NEUTRAL_BAND;
  const domain = opts.domain;
  const predictor = domain === undefined ? undefined : createEnsemblePredictor(isDomainModelSet(domain) ? domain.models : [domain]);
  const selfTrained = domain === undefined ? opts.selfTrained : undefined;
  const classifyOne = (raw: string, given: Language | undefined): SentimentResult => {
    const { text, language } = sentimentInput(raw, given);
    if (selfTrained !== undefined) return selfTrainedVerdict(selfTrained, text, language, band);
    if (predictor === undefined) {
      const lex = scoreLexicon(text, language);
      return lexiconResult(lex.polarity, lex.hits, band);
    }
    return blendWithLexicon(predictor.predict(text, language), band);
  };
  return {
    info: domain !== undefined ? domainEngineInfo(domain) : selfTrained !== undefined ? selfTrainedEngineInfo(selfTrained) : LEXICON_ENGINE_INFO,
    async classifySentiment(texts, languages) {
      return texts.map((t, i) => classifyOne(t, languages?.[i]));
    },
  };
}

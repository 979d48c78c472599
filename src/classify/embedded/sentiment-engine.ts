/**
 * The embedded default SentimentEngine: lexicon and rules, optionally blended with a domain model
 * (or a cross-fitted set of them, see domain-model-set.ts) trained on a dataset's scored verbatims.
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

export { lexiconResult } from './blend-domain.ts';

export interface EmbeddedSentimentOptions {
  readonly domain?: DomainModel | DomainModelSet;
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

export function createEmbeddedSentimentEngine(opts: EmbeddedSentimentOptions = {}): SentimentEngine {
  const band = opts.neutralBand ?? DEFAULT_NEUTRAL_BAND;
  const domain = opts.domain;
  const predictor = domain === undefined ? undefined : createEnsemblePredictor(isDomainModelSet(domain) ? domain.models : [domain]);
  const classifyOne = (raw: string, given: Language | undefined): SentimentResult => {
    const text = cleanText(raw ?? '');
    const language = given ?? detectLanguage(text);
    if (predictor === undefined) {
      const lex = scoreLexicon(text, language);
      return lexiconResult(lex.polarity, lex.hits, band);
    }
    return blendWithLexicon(predictor.predict(text, language), band);
  };
  return {
    info: domain === undefined ? LEXICON_ENGINE_INFO : domainEngineInfo(domain),
    async classifySentiment(texts, languages) {
      return texts.map((t, i) => classifyOne(t, languages?.[i]));
    },
  };
}

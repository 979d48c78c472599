/**
 * The embedded default SentimentEngine: lexicon and rules, optionally blended with a domain model
 * trained on this dataset's scored verbatims. No download, deterministic.
 *
 * Example:
 *   const engine = createEmbeddedSentimentEngine();
 *   await engine.classifySentiment(['Livraison rapide, merci !'])
 *   // → [{ label: 'positive', polarity: 0.7…, confidence: 0.8… }]
 */
import { createHash } from 'node:crypto';
import type { EngineInfo, Language, SentimentEngine, SentimentLabel, SentimentResult } from '../classifier-types.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { cleanText } from './clean-text.ts';
import { LEXICON_VERSION } from './compile-lexicon.ts';
import { createDomainPredictor } from './domain-predictor.ts';
import { DOMAIN_LABELS, type DomainModel } from './domain-model.ts';
import { scoreLexicon } from './score-lexicon.ts';

export interface EmbeddedSentimentOptions {
  readonly domain?: DomainModel;
  /** |polarity| below this is neutral for the lexicon alone (default 0.15) */
  readonly neutralBand?: number;
}

export const EMBEDDED_SENTIMENT_MODEL = 'ecoute-embedded-lexicon';

/** Lexicon-only verdict: label from a neutral band, heuristic confidence. */
export function lexiconResult(polarity: number, hits: number, band: number): SentimentResult {
  const label: SentimentLabel = polarity >= band ? 'positive' : polarity <= -band ? 'negative' : 'neutral';
  const confidence = label === 'neutral' ? (hits === 0 ? 0.6 : 1 - (Math.abs(polarity) / band) * 0.5) : Math.min(0.99, 0.5 + Math.abs(polarity) / 2);
  return { label, polarity, confidence };
}

/** Known words at which the domain model and the lexicon weigh equally. */
const DOMAIN_EVIDENCE_HALF = 6;

/** The lexicon verdict as probabilities in DOMAIN_LABELS order (label gets its confidence, the rest split). */
function pseudoProbabilities(r: SentimentResult): number[] {
  const rest = (1 - r.confidence) / 2;
  return DOMAIN_LABELS.map((l) => (l === r.label ? r.confidence : rest));
}

function engineInfo(domain: DomainModel | undefined): EngineInfo {
  if (domain === undefined) {
    return {
      engine: 'embedded',
      model: EMBEDDED_SENTIMENT_MODEL,
      revision: `lex-${LEXICON_VERSION}`,
      description: 'embedded default (FR/EN lexicon), no transformer installed',
    };
  }
  const revision = createHash('sha256').update(`${LEXICON_VERSION}\u0000${domain.lexiconVersion}\u0000${domain.fingerprint}`).digest('hex').slice(0, 16);
  return {
    engine: 'embedded',
    model: `${EMBEDDED_SENTIMENT_MODEL}+domain`,
    revision,
    description: `embedded default (FR/EN lexicon + domain model trained on ${domain.trainedOn.toLocaleString('en-US')} scored verbatims of this dataset), no transformer installed`,
  };
}

export function createEmbeddedSentimentEngine(opts: EmbeddedSentimentOptions = {}): SentimentEngine {
  const band = opts.neutralBand ?? 0.15;
  const predictor = opts.domain === undefined ? undefined : createDomainPredictor(opts.domain);
  const classifyOne = (raw: string, given: Language | undefined): SentimentResult => {
    const text = cleanText(raw ?? '');
    const language = given ?? detectLanguage(text);
    if (predictor === undefined) {
      const lex = scoreLexicon(text, language);
      return lexiconResult(lex.polarity, lex.hits, band);
    }
    const pred = predictor.predict(text, language);
    const lex = lexiconResult(pred.lexiconPolarity, pred.lexiconHits, band);
    if (pred.knownFeatures === 0 && pred.lexiconHits === 0) return lex;
    // blend: the domain model's weight grows with the evidence it has (known words of the text);
    // short clauses lean on the lexicon, whole verbatims on the domain model
    const w = pred.knownFeatures / (pred.knownFeatures + DOMAIN_EVIDENCE_HALF);
    const lexProbs = pseudoProbabilities(lex);
    const p = pred.probabilities.map((q, k) => w * q + (1 - w) * (lexProbs[k] as number));
    let best = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
    const polarity = (p[2] as number) - (p[0] as number);
    return { label: DOMAIN_LABELS[best] as SentimentLabel, polarity, confidence: p[best] as number };
  };
  return {
    info: engineInfo(opts.domain),
    async classifySentiment(texts, languages) {
      return texts.map((t, i) => classifyOne(t, languages?.[i]));
    },
  };
}

/**
 * How the embedded engine combines the lexicon's verdict on a text with the domain model's
 * probabilities: the domain model's weight grows with the evidence it has (known features of the
 * text), so short clauses lean on the lexicon and whole verbatims on the domain model.
 */
import type { SentimentLabel, SentimentResult } from '../classifier-types.ts';
import { DOMAIN_LABELS } from './domain-model.ts';
import type { DomainPrediction } from './domain-predictor.ts';

/** |polarity| below this is neutral for the lexicon alone. */
export const DEFAULT_NEUTRAL_BAND = 0.15;

/** Known features at which the domain model and the lexicon weigh equally. */
const DOMAIN_EVIDENCE_HALF = 6;

/** Lexicon-only verdict: label from a neutral band, heuristic confidence. */
export function lexiconResult(polarity: number, hits: number, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  const label: SentimentLabel = polarity >= band ? 'positive' : polarity <= -band ? 'negative' : 'neutral';
  const confidence = label === 'neutral' ? (hits === 0 ? 0.6 : 1 - (Math.abs(polarity) / band) * 0.5) : Math.min(0.99, 0.5 + Math.abs(polarity) / 2);
  return { label, polarity, confidence };
}

/** The lexicon verdict as probabilities in DOMAIN_LABELS order (label gets its confidence, the rest split). */
function pseudoProbabilities(r: SentimentResult): number[] {
  const rest = (1 - r.confidence) / 2;
  return DOMAIN_LABELS.map((l) => (l === r.label ? r.confidence : rest));
}

export function blendWithLexicon(pred: DomainPrediction, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  const lex = lexiconResult(pred.lexiconPolarity, pred.lexiconHits, band);
  if (pred.knownFeatures === 0 && pred.lexiconHits === 0) return lex;
  const w = pred.knownFeatures / (pred.knownFeatures + DOMAIN_EVIDENCE_HALF);
  const lexProbs = pseudoProbabilities(lex);
  const p = pred.probabilities.map((q, k) => w * q + (1 - w) * (lexProbs[k] as number));
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  return { label: DOMAIN_LABELS[best] as SentimentLabel, polarity: (p[2] as number) - (p[0] as number), confidence: p[best] as number };
}

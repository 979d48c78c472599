/**
 * Text-only adaptation of the sentiment engine to a dataset, with no score: the lexicon labels the texts
 * it is sure of, and a naive Bayes model learns from them what the dataset's own words mean (self-training,
 * Yarowsky 1995; naive Bayes as in Nigam et al. 2000), so that a factual complaint with no opinion word
 * ("the parcel sat in the depot for a week") reads like the complaints that use the same words with one.
 *
 *   distinct texts ─▶ lexicon verdict + hashed word unigrams and bigrams (domain-features.ts)
 *     ─▶ pseudo-labels: |polarity| ≥ CONFIDENT → its sign; no lexicon evidence at all → neutral; the rest none
 *     ─▶ fold = fnv1a(text) mod k; fold model f: multinomial naive Bayes (Laplace smoothing) on the
 *        pseudo-labelled texts of every other fold (counted once, then each fold's counts subtracted)
 *   verdict of a text: the lexicon's when |polarity| ≥ CONFIDENT, else the most probable class of its
 *   fold's model — a model that never saw the text, so a neutral pseudo-label cannot simply repeat itself
 *
 * The model is transductive: it labels the texts it was trained on (it keeps their lexicon summaries, so
 * the engine does not score them twice). Any other text — a clause of a verbatim, whose words the model
 * never learned in that shape — keeps the lexicon's verdict.
 *
 * A class with fewer than MIN_CLASS_TEXTS pseudo-labels is never predicted; fewer than MIN_TEXTS distinct
 * texts, or fewer than two classes, is a SelfTrainingError (the caller keeps the lexicon and says so).
 * Deterministic: counts are integers, the result depends on the set of texts, not their order.
 *
 * Example:
 *   const model = trainSelfTrainedSentiment(texts.map((text) => ({ text, language: 'en' })));
 *   selfTrainedVerdict(model, 'The parcel sat in the depot for a week', 'en').label // → 'negative' among delivery complaints
 */
import { createHash } from 'node:crypto';
import type { Language, SentimentLabel, SentimentResult } from '../classifier-types.ts';
import { DEFAULT_NEUTRAL_BAND, lexiconResult } from './blend-domain.ts';
import { LEXICON_VERSION } from './compile-lexicon.ts';
import { fnv1a, hashTokens, summarizeLexicon, type LexiconSummary } from './domain-features.ts';
import { DOMAIN_LABELS } from './domain-model.ts';
import { softmaxProbabilities, type SoftmaxWeights } from './linear-classifier.ts';

export const SELF_TRAINED_FORMAT = 'ecoute-self-trained-sentiment/1';
/** |polarity| from which the lexicon's verdict is a pseudo-label, and stands. */
export const CONFIDENT = 0.3;
export const MIN_TEXTS = 500;
export const MIN_CLASS_TEXTS = 20;
const FOLDS = 5;
const DIM = 1 << 18;
/** Log prior of a class with too few pseudo-labels: finite, never the most probable. */
const UNSUPPORTED = -Number.MAX_VALUE;

export class SelfTrainingError extends Error {
  override readonly name = 'SelfTrainingError';
}

export interface SelfTrainedSentiment {
  readonly format: typeof SELF_TRAINED_FORMAT;
  readonly lexiconVersion: string;
  /** hashes the distinct texts, the lexicon version and the options */
  readonly fingerprint: string;
  /** distinct texts trained on (pseudo-labelled or not) */
  readonly texts: number;
  /** pseudo-labelled texts per class, in DOMAIN_LABELS order */
  readonly pseudoLabels: readonly number[];
  /** one naive Bayes model per fold, each trained without the texts of its fold */
  readonly models: readonly SoftmaxWeights[];
  /** lexicon summary of every text trained on, by textKey(text, language) */
  readonly known: ReadonlyMap<string, LexiconSummary>;
}

/** The key of a text (cleaned) scored in a language among a model's known texts. */
export const textKey = (text: string, language: Language | undefined): string => `${language ?? ''}\u0000${text}`;

/** A text to train on: cleaned, with the language the engine will score it in (undefined: lexicon of both). */
export interface SelfTrainingText {
  readonly text: string;
  readonly language: Language | undefined;
}

/** Distinct hashed features of a text in [0, DIM). */
function featuresOf(text: string): Uint32Array {
  return Uint32Array.from(new Set(hashTokens(text).map((h) => h % DIM)));
}

const foldOfText = (text: string): number => fnv1a(text) % FOLDS;

/** The pseudo-label of a lexicon verdict (class index), or -1 when the lexicon is unsure and found evidence. */
function pseudoLabel(lex: LexiconSummary): number {
  if (Math.abs(lex.polarity) >= CONFIDENT) return lex.polarity > 0 ? 2 : 0;
  return lex.hits === 0 ? 1 : -1;
}

function fingerprintOf(texts: readonly string[]): string {
  const h = createHash('sha256').update(`${SELF_TRAINED_FORMAT}\u0000${LEXICON_VERSION}\u0000${CONFIDENT}/${FOLDS}/${DIM}\u0000`);
  for (const t of [...texts].sort()) h.update(`${t}\u0002`);
  return h.digest('hex').slice(0, 16);
}

interface Counts {
  /** features[j * K + k] per fold, then the total at index FOLDS */
  readonly features: Uint32Array[];
  /** texts per class, per fold then total */
  readonly texts: Float64Array[];
  /** feature occurrences per class, per fold then total */
  readonly tokens: Float64Array[];
}

function countPseudoLabels(examples: readonly { features: Uint32Array; label: number; fold: number }[]): Counts {
  const K = DOMAIN_LABELS.length;
  const features = Array.from({ length: FOLDS + 1 }, () => new Uint32Array(DIM * K));
  const texts = Array.from({ length: FOLDS + 1 }, () => new Float64Array(K));
  const tokens = Array.from({ length: FOLDS + 1 }, () => new Float64Array(K));
  for (const ex of examples) {
    for (const at of [ex.fold, FOLDS]) {
      const f = features[at] as Uint32Array;
      (texts[at] as Float64Array)[ex.label]! += 1;
      (tokens[at] as Float64Array)[ex.label]! += ex.features.length;
      for (let j = 0; j < ex.features.length; j++) f[(ex.features[j] as number) * K + ex.label]! += 1;
    }
  }
  return { features, texts, tokens };
}

/** Fold `fold`'s model: Laplace-smoothed naive Bayes on the counts of every other fold. */
function foldModel(c: Counts, fold: number, supported: readonly boolean[]): SoftmaxWeights {
  const K = DOMAIN_LABELS.length;
  const all = c.features[FOLDS] as Uint32Array;
  const own = c.features[fold] as Uint32Array;
  let vocabulary = 0;
  for (let j = 0; j < DIM; j++) {
    let n = 0;
    for (let k = 0; k < K; k++) n += (all[j * K + k] as number) - (own[j * K + k] as number);
    if (n > 0) vocabulary++;
  }
  const docs = DOMAIN_LABELS.map((_, k) => (c.texts[FOLDS]![k] as number) - (c.texts[fold]![k] as number));
  const totalDocs = docs.reduce((a, b) => a + b, 0);
  const classes = supported.filter(Boolean).length;
  const bias = Float64Array.from(docs, (n, k) => (supported[k] ? Math.log((n + 1) / (totalDocs + classes)) : UNSUPPORTED));
  const denominators = DOMAIN_LABELS.map((_, k) => Math.log((c.tokens[FOLDS]![k] as number) - (c.tokens[fold]![k] as number) + Math.max(1, vocabulary)));
  const weights = new Float32Array(DIM * K);
  for (let j = 0; j < DIM; j++) {
    for (let k = 0; k < K; k++) weights[j * K + k] = Math.log((all[j * K + k] as number) - (own[j * K + k] as number) + 1) - (denominators[k] as number);
  }
  return { classes: K, dim: DIM, weights, bias };
}

/** Throws SelfTrainingError when there are too few distinct texts or pseudo-labelled classes. */
export function trainSelfTrainedSentiment(texts: readonly SelfTrainingText[]): SelfTrainedSentiment {
  const distinct = new Map<string, SelfTrainingText>();
  for (const t of texts) if (t.text.trim().length > 0) distinct.set(textKey(t.text, t.language), t);
  if (distinct.size < MIN_TEXTS) throw new SelfTrainingError(`${distinct.size} distinct texts, self-training needs ${MIN_TEXTS}`);
  const known = new Map<string, LexiconSummary>();
  const examples = [...distinct].flatMap(([key, { text, language }]) => {
    const lex = summarizeLexicon(text, language);
    known.set(key, lex);
    const label = pseudoLabel(lex);
    return label === -1 ? [] : [{ features: featuresOf(text), label, fold: foldOfText(text) }];
  });
  const counts = countPseudoLabels(examples);
  const pseudoLabels = [...(counts.texts[FOLDS] as Float64Array)];
  const supported = pseudoLabels.map((n) => n >= MIN_CLASS_TEXTS);
  if (supported.filter(Boolean).length < 2) {
    const got = DOMAIN_LABELS.map((l, k) => `${pseudoLabels[k]} ${l}`).join(', ');
    throw new SelfTrainingError(`the lexicon is sure of too few texts to learn from (${got}; a class needs ${MIN_CLASS_TEXTS}, two classes are needed)`);
  }
  return {
    format: SELF_TRAINED_FORMAT,
    lexiconVersion: LEXICON_VERSION,
    fingerprint: fingerprintOf([...distinct.keys()]),
    texts: distinct.size,
    pseudoLabels,
    models: Array.from({ length: FOLDS }, (_, f) => foldModel(counts, f, supported)),
    known,
  };
}

/** The verdict on a cleaned text given its lexicon summary: the lexicon's when it is sure, else its fold model's. */
export function selfTrainedResult(model: SelfTrainedSentiment, text: string, lex: LexiconSummary, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  if (Math.abs(lex.polarity) >= CONFIDENT) return lexiconResult(lex.polarity, lex.hits, band);
  const weights = model.models[foldOfText(text) % model.models.length] as SoftmaxWeights;
  const p = softmaxProbabilities(weights, featuresOf(text));
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  return { label: DOMAIN_LABELS[best] as SentimentLabel, polarity: (p[2] as number) - (p[0] as number), confidence: p[best] as number };
}

/** The verdict on a cleaned text: self-trained when the model was trained on it, else the lexicon's. */
export function selfTrainedVerdict(model: SelfTrainedSentiment, text: string, language: Language | undefined, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  const known = model.known.get(textKey(text, language));
  if (known !== undefined) return selfTrainedResult(model, text, known, band);
  const lex = summarizeLexicon(text, language);
  return lexiconResult(lex.polarity, lex.hits, band);
}

/** What the engine and the commands say about a self-trained model. */
export function describeSelfTrained(model: SelfTrainedSentiment): string {
  const [neg, neu, pos] = model.pseudoLabels.map((n) => n.toLocaleString('en-US'));
  return `a sentiment model self-trained on ${model.texts.toLocaleString('en-US')} distinct texts of this input (no scores: the lexicon's sure verdicts as labels, ${neg} negative, ${neu} neutral without any opinion word, ${pos} positive; cross-fitted in ${model.models.length} folds); a text the lexicon is unsure of (|polarity| < ${CONFIDENT}) takes the label of the fold model that never saw it`;
}

/**
 * Text-only adaptation of the sentiment engine to a dataset, with no score: the lexicon labels the texts
 * it is sure of, and a naive Bayes model learns from them what the dataset's own words mean (self-training,
 * Yarowsky 1995; naive Bayes as in Nigam et al. 2000), so that a factual complaint with no opinion word
 * ("the parcel sat in the depot for a week") reads like the complaints that use the same words with one.
 *
 *   distinct texts ─▶ lexicon verdict + hashed word unigrams and bigrams (domain-features.ts)
 *     ─▶ pseudo-labels: |polarity| ≥ CONFIDENT → its sign; no lexicon evidence at all → neutral; the rest none
 *     ─▶ fold = fnv1a(text key) mod k; fold model f: multinomial naive Bayes (Laplace smoothing) on the
 *        pseudo-labelled texts of every other fold (counted once, then each fold's counts subtracted)
 *   verdict of a text: the lexicon's when |polarity| ≥ CONFIDENT, else the most probable class of its
 *   fold's model — a model that never saw the text, so a neutral pseudo-label cannot simply repeat itself;
 *   and the lexicon's again when that model has seen none of the text's words (a phrase said only in its
 *   own fold: with Laplace smoothing, unseen words would favour the class with the fewest words)
 *
 * Texts stream in (createSelfTrainer: a run reads them from DuckDB chunk by chunk; each distinct text once).
 * `trainSelfTrainedSentiment` wraps it for texts held in memory (the one-off commands): that model is
 * transductive, it labels the texts it was trained on (keeping their features, so the engine does not score
 * them twice), and any other text — a clause of a verbatim, whose words it never learned in that shape —
 * keeps the lexicon's verdict.
 *
 * A class with fewer than MIN_CLASS_TEXTS pseudo-labels is never predicted; fewer than MIN_TEXTS distinct
 * texts, or fewer than two classes, is a SelfTrainingError (the caller keeps the lexicon and says so).
 * Deterministic: counts are integers, and the result depends on the set of texts, not their order.
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
const K = DOMAIN_LABELS.length;
/** Second FNV seed of the key fingerprint (any odd constant other than FNV's offset basis). */
const KEY_SEED = 0x9e3779b9;
/** Log prior of a class with too few pseudo-labels: finite, never the most probable. */
const UNSUPPORTED = -Number.MAX_VALUE;

export class SelfTrainingError extends Error {
  override readonly name = 'SelfTrainingError';
}

/** What self-training reads of the lexicon's verdict on a text: its polarity, and whether it found any evidence. */
export type SelfTrainingLexicon = Pick<LexiconSummary, 'polarity' | 'hits'>;

/** One distinct text: a key that identifies it (its text, or a hash of it), its hashTokens() and lexicon summary. */
export interface SelfTrainingItem {
  readonly key: string;
  readonly hashes: readonly number[];
  readonly lexicon: SelfTrainingLexicon;
}

/**
 * The lexicon verdict of a text known by its polarity alone (the clauses a run caches keep no hit count):
 * the lexicon gives a polarity of exactly 0 only when it found no evidence (praise and criticism that cancel
 * lean negative; test/classify-embedded/self-trained-sentiment.test.ts checks named cases; no exception among
 * 150,398 clauses of the NPS, Banking77 and clothing sets nor the demo's 8,881 distinct clauses), so 0 reads as no hit and anything else as one.
 */
export const lexiconOfPolarity = (polarity: number): SelfTrainingLexicon => ({ polarity, hits: polarity === 0 ? 0 : 1 });

export interface SelfTrainedModel {
  readonly format: typeof SELF_TRAINED_FORMAT;
  readonly lexiconVersion: string;
  /** hashes the keys of the distinct texts, the lexicon version and the options */
  readonly fingerprint: string;
  /** distinct texts trained on (pseudo-labelled or not) */
  readonly texts: number;
  /** pseudo-labelled texts per class, in DOMAIN_LABELS order */
  readonly pseudoLabels: readonly number[];
  /** one naive Bayes model per fold, each trained without the texts of its fold */
  readonly models: readonly SoftmaxWeights[];
  /** per fold, 1 for each feature a pseudo-labelled text of the other folds has */
  readonly seen: readonly Uint8Array[];
}

/** A model trained on texts held in memory, with the features of each (by textKey). */
export interface SelfTrainedSentiment extends SelfTrainedModel {
  readonly known: ReadonlyMap<string, SelfTrainingItem>;
}

/** A text to train on: cleaned, with the language the engine will score it in (undefined: lexicon of both). */
export interface SelfTrainingText {
  readonly text: string;
  readonly language: Language | undefined;
}

/** The key of a text (cleaned) scored in a language among a model's known texts. */
export const textKey = (text: string, language: Language | undefined): string => `${language ?? ''}\u0000${text}`;

/** Distinct hashed features in [0, DIM). */
const featuresOf = (hashes: readonly number[]): Uint32Array => Uint32Array.from(new Set(hashes.map((h) => h % DIM)));

/** The fold of a text by its key: its verdict comes from the model trained without this fold. */
export const selfTrainingFold = (key: string): number => fnv1a(key) % FOLDS;

/** The pseudo-label of a lexicon verdict (class index), or -1 when the lexicon is unsure and found evidence. */
function pseudoLabel(lex: SelfTrainingLexicon): number {
  if (Math.abs(lex.polarity) >= CONFIDENT) return lex.polarity > 0 ? 2 : 0;
  return lex.hits === 0 ? 1 : -1;
}

/** Fold `fold`'s model: Laplace-smoothed naive Bayes on the counts of every other fold (index FOLDS holds the totals). */
function foldModel(features: readonly Uint32Array[], texts: readonly Float64Array[], tokens: readonly Float64Array[], fold: number, supported: readonly boolean[]): { weights: SoftmaxWeights; seen: Uint8Array } {
  const all = features[FOLDS] as Uint32Array;
  const own = features[fold] as Uint32Array;
  const seen = new Uint8Array(DIM);
  let vocabulary = 0;
  for (let j = 0; j < DIM; j++) {
    let n = 0;
    for (let k = 0; k < K; k++) n += (all[j * K + k] as number) - (own[j * K + k] as number);
    if (n > 0) {
      vocabulary++;
      seen[j] = 1;
    }
  }
  const docs = DOMAIN_LABELS.map((_, k) => (texts[FOLDS]![k] as number) - (texts[fold]![k] as number));
  const totalDocs = docs.reduce((a, b) => a + b, 0);
  const classes = supported.filter(Boolean).length;
  const bias = Float64Array.from(docs, (n, k) => (supported[k] ? Math.log((n + 1) / (totalDocs + classes)) : UNSUPPORTED));
  const denominators = DOMAIN_LABELS.map((_, k) => Math.log((tokens[FOLDS]![k] as number) - (tokens[fold]![k] as number) + Math.max(1, vocabulary)));
  const weights = new Float32Array(DIM * K);
  for (let j = 0; j < DIM; j++) {
    for (let k = 0; k < K; k++) weights[j * K + k] = Math.log((all[j * K + k] as number) - (own[j * K + k] as number) + 1) - (denominators[k] as number);
  }
  return { weights: { classes: K, dim: DIM, weights, bias }, seen };
}

function foldModels(features: readonly Uint32Array[], texts: readonly Float64Array[], tokens: readonly Float64Array[], supported: readonly boolean[]): Pick<SelfTrainedModel, 'models' | 'seen'> {
  const fits = Array.from({ length: FOLDS }, (_, f) => foldModel(features, texts, tokens, f, supported));
  return { models: fits.map((x) => x.weights), seen: fits.map((x) => x.seen) };
}

export interface SelfTrainer {
  /** one distinct text (the caller dedupes: a key added twice counts twice) */
  add(item: SelfTrainingItem): void;
  /** throws SelfTrainingError when there are too few texts or pseudo-labelled classes */
  finish(): SelfTrainedModel;
}

/** What a model is trained on, for its messages: whole texts, or the clauses of a run's theme mentions. */
export type SelfTrainingUnit = 'text' | 'clause';

/** Counts pseudo-labels as texts (or clauses) stream in; the fold models are built at the end. */
export function createSelfTrainer(unit: SelfTrainingUnit = 'text'): SelfTrainer {
  // per fold, then the totals at index FOLDS: feature counts [feature * K + class], texts and feature occurrences per class
  const features = Array.from({ length: FOLDS + 1 }, () => new Uint32Array(DIM * K));
  const texts = Array.from({ length: FOLDS + 1 }, () => new Float64Array(K));
  const tokens = Array.from({ length: FOLDS + 1 }, () => new Float64Array(K));
  let added = 0;
  // order-independent fingerprint of the keys: sums of two 32-bit hashes of each
  let keySumA = 0;
  let keySumB = 0;
  return {
    add(item) {
      added++;
      keySumA = (keySumA + fnv1a(item.key)) >>> 0;
      keySumB = (keySumB + fnv1a(item.key, KEY_SEED)) >>> 0;
      const label = pseudoLabel(item.lexicon);
      if (label === -1) return;
      const f = featuresOf(item.hashes);
      for (const at of [selfTrainingFold(item.key), FOLDS]) {
        const counts = features[at] as Uint32Array;
        (texts[at] as Float64Array)[label]! += 1;
        (tokens[at] as Float64Array)[label]! += f.length;
        for (let j = 0; j < f.length; j++) counts[(f[j] as number) * K + label]! += 1;
      }
    },
    finish() {
      if (added < MIN_TEXTS) throw new SelfTrainingError(`${added} distinct ${unit}s, self-training needs ${MIN_TEXTS}`);
      const pseudoLabels = [...(texts[FOLDS] as Float64Array)];
      const supported = pseudoLabels.map((n) => n >= MIN_CLASS_TEXTS);
      if (supported.filter(Boolean).length < 2) {
        const got = DOMAIN_LABELS.map((l, k) => `${pseudoLabels[k]} ${l}`).join(', ');
        throw new SelfTrainingError(`the lexicon is sure of too few ${unit}s to learn from (${got}; a class needs ${MIN_CLASS_TEXTS}, two classes are needed)`);
      }
      const fingerprint = createHash('sha256').update(`${SELF_TRAINED_FORMAT}\u0000${LEXICON_VERSION}\u0000${CONFIDENT}/${FOLDS}/${DIM}\u0000${added}/${keySumA}/${keySumB}`).digest('hex').slice(0, 16);
      return {
        format: SELF_TRAINED_FORMAT,
        lexiconVersion: LEXICON_VERSION,
        fingerprint,
        texts: added,
        pseudoLabels,
        ...foldModels(features, texts, tokens, supported),
      };
    },
  };
}

/** The verdict on a text the model counted: the lexicon's when it is sure, else that of the fold model that never saw it. */
export function selfTrainedScore(model: SelfTrainedModel, item: SelfTrainingItem, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  if (Math.abs(item.lexicon.polarity) >= CONFIDENT) return lexiconResult(item.lexicon.polarity, item.lexicon.hits, band);
  const fold = selfTrainingFold(item.key);
  const features = featuresOf(item.hashes);
  const seen = model.seen[fold] as Uint8Array;
  // the fold's model has seen none of its words (a phrase said only in this fold): no evidence, the lexicon's verdict
  if (!features.some((j) => seen[j] === 1)) return lexiconResult(item.lexicon.polarity, item.lexicon.hits, band);
  const p = softmaxProbabilities(model.models[fold] as SoftmaxWeights, features);
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  return { label: DOMAIN_LABELS[best] as SentimentLabel, polarity: (p[2] as number) - (p[0] as number), confidence: p[best] as number };
}

/** The item of a cleaned text scored in a language, keyed by both (textKey). */
export function textItem(text: string, language: Language | undefined): SelfTrainingItem {
  return { key: textKey(text, language), hashes: hashTokens(text), lexicon: summarizeLexicon(text, language) };
}

/** Throws SelfTrainingError when there are too few distinct texts or pseudo-labelled classes. */
export function trainSelfTrainedSentiment(texts: readonly SelfTrainingText[]): SelfTrainedSentiment {
  const known = new Map<string, SelfTrainingItem>();
  const trainer = createSelfTrainer();
  for (const { text, language } of texts) {
    if (text.trim().length === 0 || known.has(textKey(text, language))) continue;
    const item = textItem(text, language);
    known.set(item.key, item);
    trainer.add(item);
  }
  return { ...trainer.finish(), known };
}

/** The verdict on a cleaned text: self-trained when the model was trained on it, else the lexicon's. */
export function selfTrainedVerdict(model: SelfTrainedSentiment, text: string, language: Language | undefined, band = DEFAULT_NEUTRAL_BAND): SentimentResult {
  const known = model.known.get(textKey(text, language));
  if (known !== undefined) return selfTrainedScore(model, known, band);
  const lex = summarizeLexicon(text, language);
  return lexiconResult(lex.polarity, lex.hits, band);
}

/** What the engine and the commands say about a self-trained model. */
export function describeSelfTrained(model: SelfTrainedModel, of = 'this input', unit: SelfTrainingUnit = 'text'): string {
  const [neg, neu, pos] = model.pseudoLabels.map((n) => n.toLocaleString('en-US'));
  // a text the lexicon is unsure of goes to the model; a clause only when the lexicon calls it neutral (self-train-clause-sentiment.ts)
  const decided = unit === 'text' ? `a text the lexicon is unsure of (|polarity| < ${CONFIDENT})` : `a clause the lexicon calls neutral (|polarity| < ${DEFAULT_NEUTRAL_BAND})`;
  return `a sentiment model self-trained on ${model.texts.toLocaleString('en-US')} distinct ${unit}s of ${of} (no scores: the lexicon's sure verdicts as labels, ${neg} negative, ${neu} neutral without any opinion word, ${pos} positive; cross-fitted in ${model.models.length} folds); ${decided} takes the label of the fold model that never saw it`;
}

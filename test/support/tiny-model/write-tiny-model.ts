/**
 * Tiny generated models (a few kB) in Hugging Face layout, for tests and examples. Their
 * embedding rows are chosen by hand so behaviour can be asserted:
 *   dim 0 = positive words, dim 1 = negative words, dims 2-6 = one topic each (price, delivery,
 *   support, app, quality), the rest seeded noise.
 *
 * - 'sentiment': BertForSequenceClassification, mean-pooled embeddings → logits; each label's
 *   logit is k·polarity·(pos − neg) plus a bias for neutral-ish labels. Label scheme configurable.
 * - 'embedding': BertModel → last_hidden_state (mean-pool it for sentence embeddings).
 * - 'nli': entailment/neutral/contradiction from the cosine of premise and hypothesis segments.
 *
 * Optional encoder layers (`layers` > 0) add real attention + feed-forward blocks (tiny random
 * weights) so the graph has the full BERT structure; their LayerNorms rescale the hand-made rows,
 * so the designed behaviour is only guaranteed with the default `layers: 0`.
 *
 * @example
 *   await writeTinyModel('/tmp/m/sentiment', 'sentiment', { labels: '5-star' });
 *   const engine = await loadTransformerSentiment('/tmp/m/sentiment');
 *   await engine.classifySentiment(['great service']); // [{ label: 'positive', ... }]
 */
import { createRng, type Rng } from '../../../src/util/random.ts';
import { addEncoder, type EncoderParams, type EncoderSpec, type LayerParams } from './encoder-graph.ts';
import { addHiddenStatesOutput, addLogitsOutput, addMeanPool, addSegmentCosine } from './model-heads.ts';
import { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import { id2label, resolveLabelScheme, type LabelScheme, type LabelSchemeName } from './label-schemes.ts';
import { randomMatrix, unitNorm } from './random-encoder-params.ts';
import { buildTinyVocab, TINY_TOPICS, type VocabEntry } from './tiny-vocab.ts';
import { bertConfig, writeModelDirectory } from './write-model-directory.ts';

export type TinyModelKind = 'sentiment' | 'embedding' | 'nli';

export interface TinyModelOptions {
  /** label scheme of a sentiment model, default '3-class' */
  readonly labels?: LabelSchemeName | LabelScheme;
  readonly seed?: number;
  /** hidden size, at least 8 (default 16) */
  readonly hidden?: number;
  /** number of (near-identity) transformer layers, default 0 */
  readonly layers?: number;
  /** max_position_embeddings and tokenizer model_max_length, default 64 */
  readonly maxLength?: number;
  /** write the graph as onnx/<onnxFile> (e.g. model_quantized.onnx), default model.onnx */
  readonly onnxFile?: string;
}

export interface TinyModelInfo {
  readonly dir: string;
  readonly kind: TinyModelKind;
  readonly labels: readonly string[];
  readonly vocabSize: number;
  readonly onnxBytes: number;
}

const SENTIMENT_GAIN = 12;
const NEUTRAL_BIAS = 0.5;
const NLI_GAIN = 10;
const NLI_THRESHOLD = 0.35;

export async function writeTinyModel(dir: string, kind: TinyModelKind, opts: TinyModelOptions = {}): Promise<TinyModelInfo> {
  const hidden = opts.hidden ?? 16;
  if (hidden < 2 + TINY_TOPICS.length + 1) throw new Error(`tiny model hidden size must be at least ${TINY_TOPICS.length + 3}`);
  const layers = opts.layers ?? 0;
  const maxLength = opts.maxLength ?? 64;
  const rng = createRng(opts.seed ?? 1);
  const vocab = buildTinyVocab();
  const heads = 2;
  const spec: EncoderSpec = { vocabSize: vocab.length, hidden, layers, heads, intermediate: hidden * 2, maxPositions: maxLength, typeVocabSize: 2 };
  const params = tinyParams(spec, vocab, kind, rng);
  const b = new OnnxGraphBuilder(`tiny_${kind}`);
  const enc = addEncoder(b, spec, params);
  let labels: readonly string[] = [];
  let architectures: string[];
  if (kind === 'embedding') {
    addHiddenStatesOutput(b, enc, hidden);
    architectures = ['BertModel'];
  } else if (kind === 'sentiment') {
    const scheme = resolveLabelScheme(opts.labels);
    labels = scheme.labels;
    const C = labels.length;
    const weight = new Float32Array(hidden * C);
    const bias = new Float32Array(C);
    scheme.polarities.forEach((p, c) => {
      weight[0 * C + c] = SENTIMENT_GAIN * p;
      weight[1 * C + c] = -SENTIMENT_GAIN * p;
      bias[c] = NEUTRAL_BIAS * (1 - Math.abs(p));
    });
    addLogitsOutput(b, addMeanPool(b, enc.hidden, enc.maskFloat), { weight, bias }, hidden, C);
    architectures = ['BertForSequenceClassification'];
  } else {
    labels = ['entailment', 'neutral', 'contradiction'];
    const weight = new Float32Array([NLI_GAIN, 0, -NLI_GAIN]);
    const bias = new Float32Array([-NLI_GAIN * NLI_THRESHOLD, 0, NLI_GAIN * NLI_THRESHOLD]);
    addLogitsOutput(b, addSegmentCosine(b, enc), { weight, bias }, 1, 3);
    architectures = ['BertForSequenceClassification'];
  }
  const onnx = b.encode();
  const config = bertConfig({
    architectures,
    vocabSize: spec.vocabSize,
    hidden,
    layers,
    heads,
    intermediate: spec.intermediate,
    maxPositions: maxLength,
    extra: labels.length > 0 ? id2label(labels) : {},
  });
  await writeModelDirectory(dir, { config, vocab: vocab.map((e) => e.token), maxLength, onnx, onnxFile: opts.onnxFile });
  return { dir, kind, labels, vocabSize: vocab.length, onnxBytes: onnx.byteLength };
}

/** hand-made embedding rows; zero positions and token types; near-identity layers */
function tinyParams(spec: EncoderSpec, vocab: readonly VocabEntry[], kind: TinyModelKind, rng: Rng): EncoderParams {
  const H = spec.hidden;
  const word = new Float32Array(spec.vocabSize * H);
  const sentimentScale = kind === 'sentiment' ? 1 : 0.3;
  vocab.forEach((entry, row) => {
    if (entry.token.startsWith('[')) return;
    const base = row * H;
    if (entry.sentiment > 0) word[base] = sentimentScale;
    if (entry.sentiment < 0) word[base + 1] = sentimentScale;
    if (entry.topic !== undefined) word[base + 2 + TINY_TOPICS.indexOf(entry.topic)] = 1;
    for (let d = 2 + TINY_TOPICS.length; d < H; d++) word[base + d] = rng.normal() * 0.05;
  });
  const layers: LayerParams[] = [];
  for (let i = 0; i < spec.layers; i++) {
    const small = (n: number): Float32Array => randomMatrix(rng, n, 0.001);
    const lin = (inDim: number, outDim: number): { weight: Float32Array; bias: Float32Array } => ({ weight: small(inDim * outDim), bias: new Float32Array(outDim) });
    layers.push({
      query: lin(H, H),
      key: lin(H, H),
      value: lin(H, H),
      output: lin(H, H),
      attentionNorm: unitNorm(H),
      ffIn: lin(H, spec.intermediate),
      ffOut: lin(spec.intermediate, H),
      outputNorm: unitNorm(H),
    });
  }
  return { word, position: new Float32Array(spec.maxPositions * H), tokenType: new Float32Array(spec.typeVocabSize * H), layers };
}

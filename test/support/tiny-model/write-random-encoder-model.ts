/**
 * A real-size architecture with random weights, for benchmarks: MiniLM-L12 (hidden 384,
 * 12 layers, 12 heads, intermediate 1536) or DistilBERT-like dimensions, as a
 * BertForSequenceClassification ([CLS] pooler + linear classifier) over the tiny FR/EN vocabulary.
 * The vocabulary is small, so the embedding table is too; the encoder compute is the real one.
 */
import { createRng } from '../../../src/util/random.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addEncoder, type EncoderSpec, type LinearPrecision } from './encoder-graph.ts';
import { addClsPooler, addLogitsOutput } from './model-heads.ts';
import { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import { id2label, resolveLabelScheme, type LabelScheme, type LabelSchemeName } from './label-schemes.ts';
import { randomEncoderParams, randomLinear } from './random-encoder-params.ts';
import { buildTinyVocab } from './tiny-vocab.ts';
import { bertConfig, writeModelDirectory } from './write-model-directory.ts';

export const ARCHITECTURES = {
  'minilm-l12': { hidden: 384, layers: 12, heads: 12, intermediate: 1536, maxPositions: 512 },
  'distilbert': { hidden: 768, layers: 6, heads: 12, intermediate: 3072, maxPositions: 512 },
} as const;
export type ArchitectureName = keyof typeof ARCHITECTURES;

export interface RandomEncoderOptions {
  readonly architecture?: ArchitectureName;
  /** override dimensions of the architecture (e.g. a small encoder for tests) */
  readonly dims?: Partial<Record<'hidden' | 'layers' | 'heads' | 'intermediate' | 'maxPositions', number>>;
  readonly labels?: LabelSchemeName | LabelScheme;
  readonly seed?: number;
  /** tokenizer model_max_length, default 128 */
  readonly maxLength?: number;
  /** also write onnx/model_quantized.onnx: the same weights with int8 dense layers (dynamic quantization) */
  readonly quantized?: boolean;
}

export async function writeRandomEncoderModel(dir: string, opts: RandomEncoderOptions = {}): Promise<{ bytes: number; spec: EncoderSpec }> {
  const arch = { ...ARCHITECTURES[opts.architecture ?? 'minilm-l12'], ...opts.dims };
  const vocab = buildTinyVocab().map((e) => e.token);
  const scheme = resolveLabelScheme(opts.labels);
  const spec: EncoderSpec = { vocabSize: vocab.length, typeVocabSize: 2, ...arch };
  const seed = opts.seed ?? 7;
  const params = randomEncoderParams(spec, seed);
  const rng = createRng(seed + 1);
  const pooler = randomLinear(rng, spec.hidden, spec.hidden);
  const classifier = randomLinear(rng, spec.hidden, scheme.labels.length);
  const build = (precision: LinearPrecision): Uint8Array => {
    const b = new OnnxGraphBuilder('random_encoder_classifier');
    const enc = addEncoder(b, spec, params, precision);
    const pooled = addClsPooler(b, enc, pooler, spec.hidden);
    addLogitsOutput(b, pooled, classifier, spec.hidden, scheme.labels.length);
    return b.encode('ecoute-random-encoder');
  };
  const onnx = build('fp32');
  const config = bertConfig({
    architectures: ['BertForSequenceClassification'],
    vocabSize: spec.vocabSize,
    hidden: spec.hidden,
    layers: spec.layers,
    heads: spec.heads,
    intermediate: spec.intermediate,
    maxPositions: spec.maxPositions,
    extra: id2label(scheme.labels),
  });
  await writeModelDirectory(dir, { config, vocab, maxLength: opts.maxLength ?? 128, onnx });
  if (opts.quantized === true) await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), build('int8'));
  return { bytes: onnx.byteLength, spec };
}

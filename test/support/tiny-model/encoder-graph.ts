/**
 * A BERT encoder built from plain ONNX ops (opset 17): word + position + token-type embeddings,
 * then N layers of multi-head self-attention (MatMul, Reshape/Transpose into heads, scaled Softmax
 * with an additive padding mask) and a GELU (Erf) feed-forward block, each with residual +
 * LayerNormalization. Same compute as a real BERT/MiniLM of the same dimensions.
 *
 *   input_ids, token_type_ids, attention_mask  [batch_size, sequence_length] int64
 *     → embeddings → layer 1 … layer N → hidden [batch_size, sequence_length, hidden]
 */
import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';

export interface EncoderSpec {
  readonly vocabSize: number;
  readonly hidden: number;
  readonly layers: number;
  readonly heads: number;
  readonly intermediate: number;
  readonly maxPositions: number;
  readonly typeVocabSize: number;
}

/** a dense layer: weight stored [in, out] (so y = x · W + b) */
export interface Linear {
  readonly weight: Float32Array;
  readonly bias: Float32Array;
}
export interface Norm {
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
}
export interface LayerParams {
  readonly query: Linear;
  readonly key: Linear;
  readonly value: Linear;
  readonly output: Linear;
  readonly attentionNorm: Norm;
  readonly ffIn: Linear;
  readonly ffOut: Linear;
  readonly outputNorm: Norm;
}
export interface EncoderParams {
  readonly word: Float32Array;
  readonly position: Float32Array;
  readonly tokenType: Float32Array;
  /** BERT normalises the summed embeddings; the tiny hand-made models skip it */
  readonly embeddingNorm?: Norm;
  readonly layers: readonly LayerParams[];
}

/** how dense layers store their weights: fp32, or int8 with dynamic activation quantization */
export type LinearPrecision = 'fp32' | 'int8';

export interface EncoderTensors {
  /** [batch, seq, hidden] */
  readonly hidden: string;
  /** attention mask as float [batch, seq] */
  readonly maskFloat: string;
  /** token type ids as float [batch, seq] */
  readonly typeFloat: string;
}

const DIMS = ['batch_size', 'sequence_length'];
const FLOAT_TYPE = 1;

export function addEncoder(b: OnnxGraphBuilder, spec: EncoderSpec, params: EncoderParams, precision: LinearPrecision = 'fp32'): EncoderTensors {
  if (spec.hidden % spec.heads !== 0) throw new Error(`hidden ${spec.hidden} is not a multiple of heads ${spec.heads}`);
  if (params.layers.length !== spec.layers) throw new Error(`${params.layers.length} layer params for ${spec.layers} layers`);
  const ids = b.input('input_ids', 'int64', DIMS);
  const mask = b.input('attention_mask', 'int64', DIMS);
  const types = b.input('token_type_ids', 'int64', DIMS);
  const H = spec.hidden;

  const word = b.node('Gather', [b.floatTensor('word_embeddings', [spec.vocabSize, H], params.word), ids]);
  const shape = b.node('Shape', [ids]);
  const seqLen = b.node('Gather', [shape, b.int64Tensor('one_index', [], [1])], { axis: 0 });
  const positions = b.node('Range', [b.int64Tensor('zero', [], [0]), seqLen, b.int64Tensor('step', [], [1])]);
  const position = b.node('Gather', [b.floatTensor('position_embeddings', [spec.maxPositions, H], params.position), positions]);
  const tokenType = b.node('Gather', [b.floatTensor('token_type_embeddings', [spec.typeVocabSize, H], params.tokenType), types]);
  let x = b.node('Add', [b.node('Add', [word, position]), tokenType]);
  if (params.embeddingNorm) x = addLayerNorm(b, x, params.embeddingNorm, H);

  const maskFloat = b.node('Cast', [mask], { to: FLOAT_TYPE });
  const typeFloat = b.node('Cast', [types], { to: FLOAT_TYPE });
  let maskBias = '';
  if (spec.layers > 0) {
    const mask4 = b.node('Unsqueeze', [maskFloat, b.int64Tensor('axes', [2], [1, 2])]);
    const inverted = b.node('Sub', [b.scalarFloat('one', 1), mask4]);
    maskBias = b.node('Mul', [inverted, b.scalarFloat('neg_large', -10000)]);
  }
  params.layers.forEach((layer) => {
    x = addEncoderLayer(b, x, maskBias, spec, layer, precision);
  });
  return { hidden: x, maskFloat, typeFloat };
}

export function addLinear(b: OnnxGraphBuilder, x: string, lin: Linear, inDim: number, outDim: number, precision: LinearPrecision = 'fp32'): string {
  if (precision === 'int8') return addInt8Linear(b, x, lin, inDim, outDim);
  const w = b.floatTensor('weight', [inDim, outDim], lin.weight);
  const bias = b.floatTensor('bias', [outDim], lin.bias);
  return b.node('Add', [b.node('MatMul', [x, w]), bias]);
}

/**
 * Dense layer as onnxruntime's dynamic quantization writes it: weights int8 (symmetric, per
 * tensor), activations quantized at run time (DynamicQuantizeLinear), MatMulInteger, rescale.
 * onnxruntime fuses the pattern into MatMulIntegerToFloat.
 */
function addInt8Linear(b: OnnxGraphBuilder, x: string, lin: Linear, inDim: number, outDim: number): string {
  let maxAbs = 0;
  for (const v of lin.weight) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const q = new Int8Array(lin.weight.length);
  lin.weight.forEach((v, i) => {
    q[i] = Math.max(-127, Math.min(127, Math.round(v / scale)));
  });
  const [xq, xScale, xZero] = b.nodeOutputs('DynamicQuantizeLinear', [x], 3) as [string, string, string];
  const product = b.node('MatMulInteger', [xq, b.int8Tensor('weight_q', [inDim, outDim], q), xZero, b.int8Tensor('weight_zero', [], new Int8Array([0]))]);
  const rescale = b.node('Mul', [xScale, b.scalarFloat('weight_scale', scale)]);
  const y = b.node('Mul', [b.node('Cast', [product], { to: FLOAT_TYPE }), rescale]);
  return b.node('Add', [y, b.floatTensor('bias', [outDim], lin.bias)]);
}

export function addLayerNorm(b: OnnxGraphBuilder, x: string, norm: Norm, dim: number): string {
  return b.node(
    'LayerNormalization',
    [x, b.floatTensor('ln_gamma', [dim], norm.gamma), b.floatTensor('ln_beta', [dim], norm.beta)],
    { axis: -1, epsilon: { float: 1e-12 } },
  );
}

function addEncoderLayer(b: OnnxGraphBuilder, x: string, maskBias: string, spec: EncoderSpec, p: LayerParams, precision: LinearPrecision): string {
  const H = spec.hidden;
  const dh = H / spec.heads;
  const headShape = b.int64Tensor('head_shape', [4], [0, 0, spec.heads, dh]);
  const toHeads = (t: string, perm: number[]): string => b.node('Transpose', [b.node('Reshape', [t, headShape])], { perm });
  const q = toHeads(addLinear(b, x, p.query, H, H, precision), [0, 2, 1, 3]);
  const k = toHeads(addLinear(b, x, p.key, H, H, precision), [0, 2, 3, 1]);
  const v = toHeads(addLinear(b, x, p.value, H, H, precision), [0, 2, 1, 3]);
  const scores = b.node('Add', [b.node('Mul', [b.node('MatMul', [q, k]), b.scalarFloat('scale', 1 / Math.sqrt(dh))]), maskBias]);
  const probs = b.node('Softmax', [scores], { axis: -1 });
  const context = b.node('Transpose', [b.node('MatMul', [probs, v])], { perm: [0, 2, 1, 3] });
  const merged = b.node('Reshape', [context, b.int64Tensor('merge_shape', [3], [0, 0, H])]);
  const attended = addLayerNorm(b, b.node('Add', [addLinear(b, merged, p.output, H, H, precision), x]), p.attentionNorm, H);

  const inner = addLinear(b, attended, p.ffIn, H, spec.intermediate, precision);
  const erf = b.node('Erf', [b.node('Mul', [inner, b.scalarFloat('inv_sqrt2', Math.SQRT1_2)])]);
  const gelu = b.node('Mul', [b.node('Mul', [inner, b.scalarFloat('half', 0.5)]), b.node('Add', [erf, b.scalarFloat('one', 1)])]);
  const out = addLinear(b, gelu, p.ffOut, spec.intermediate, H, precision);
  return addLayerNorm(b, b.node('Add', [out, attended]), p.outputNorm, H);
}

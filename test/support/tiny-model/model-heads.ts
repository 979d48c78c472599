/**
 * Output heads on top of the encoder: hidden states (feature extraction), masked mean pooling,
 * a linear classifier, the BERT [CLS] pooler, and the tiny NLI head (cosine of premise and
 * hypothesis segments → entailment / neutral / contradiction logits).
 */
import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import { addLinear, type EncoderTensors, type Linear } from './encoder-graph.ts';

const FLOAT_DIMS = (last: number | string): Array<number | string> => ['batch_size', last];

/** masked mean over the sequence: [batch, seq, hidden] → [batch, hidden] */
export function addMeanPool(b: OnnxGraphBuilder, hidden: string, maskFloat: string): string {
  const mask3 = b.node('Unsqueeze', [maskFloat, b.int64Tensor('axes', [1], [2])]);
  const axis1 = b.int64Tensor('axes', [1], [1]);
  const summed = b.node('ReduceSum', [b.node('Mul', [hidden, mask3]), axis1], { keepdims: 0 });
  const count = b.node('Max', [b.node('ReduceSum', [mask3, axis1], { keepdims: 0 }), b.scalarFloat('eps', 1e-9)]);
  return b.node('Div', [summed, count]);
}

/** L2-normalise rows of [batch, dim] */
export function addL2Normalize(b: OnnxGraphBuilder, x: string): string {
  const axis = b.int64Tensor('axes', [1], [1]);
  const norm = b.node('Sqrt', [b.node('Add', [b.node('ReduceSum', [b.node('Mul', [x, x]), axis], { keepdims: 1 }), b.scalarFloat('eps', 1e-9)])]);
  return b.node('Div', [x, norm]);
}

export function addHiddenStatesOutput(b: OnnxGraphBuilder, enc: EncoderTensors, hiddenSize: number): void {
  b.node('Identity', [enc.hidden], {}, 'last_hidden_state');
  b.output('last_hidden_state', 'float', ['batch_size', 'sequence_length', hiddenSize]);
}

export function addLogitsOutput(b: OnnxGraphBuilder, pooled: string, classifier: Linear, inDim: number, labels: number): void {
  const logits = addLinear(b, pooled, classifier, inDim, labels);
  b.node('Identity', [logits], {}, 'logits');
  b.output('logits', 'float', FLOAT_DIMS(labels));
}

/** BERT pooler: tanh(dense(hidden[:, 0])) */
export function addClsPooler(b: OnnxGraphBuilder, enc: EncoderTensors, pooler: Linear, hiddenSize: number): string {
  const cls = b.node('Gather', [enc.hidden, b.int64Tensor('cls_index', [], [0])], { axis: 1 });
  return b.node('Tanh', [addLinear(b, cls, pooler, hiddenSize, hiddenSize)]);
}

/**
 * Tiny NLI head: cosine between the mean of segment A (premise) and segment B (hypothesis),
 * mapped linearly to 3 logits by `classifier` ([1, 3]).
 */
export function addSegmentCosine(b: OnnxGraphBuilder, enc: EncoderTensors): string {
  const premiseMask = b.node('Mul', [enc.maskFloat, b.node('Sub', [b.scalarFloat('one', 1), enc.typeFloat])]);
  const hypothesisMask = b.node('Mul', [enc.maskFloat, enc.typeFloat]);
  const premise = addL2Normalize(b, addMeanPool(b, enc.hidden, premiseMask));
  const hypothesis = addL2Normalize(b, addMeanPool(b, enc.hidden, hypothesisMask));
  return b.node('ReduceSum', [b.node('Mul', [premise, hypothesis]), b.int64Tensor('axes', [1], [1])], { keepdims: 1 });
}

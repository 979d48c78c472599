/**
 * Writes a Hugging Face-layout model directory:
 *   <dir>/config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTokenizerConfig, buildTokenizerJson } from './tokenizer-files.ts';

export interface ModelDirectoryContent {
  readonly config: Record<string, unknown>;
  readonly vocab: readonly string[];
  readonly maxLength: number;
  readonly onnx: Uint8Array;
  /** file name under onnx/, default model.onnx */
  readonly onnxFile?: string;
}

export async function writeModelDirectory(dir: string, content: ModelDirectoryContent): Promise<void> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(dir, 'config.json'), json(content.config));
  await writeFile(join(dir, 'tokenizer.json'), json(buildTokenizerJson(content.vocab)));
  await writeFile(join(dir, 'tokenizer_config.json'), json(buildTokenizerConfig(content.maxLength)));
  await writeFile(join(dir, 'onnx', content.onnxFile ?? 'model.onnx'), content.onnx);
}

export function bertConfig(opts: {
  architectures: string[];
  vocabSize: number;
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  maxPositions: number;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    architectures: opts.architectures,
    model_type: 'bert',
    vocab_size: opts.vocabSize,
    hidden_size: opts.hidden,
    num_hidden_layers: opts.layers,
    num_attention_heads: opts.heads,
    intermediate_size: opts.intermediate,
    hidden_act: 'gelu',
    max_position_embeddings: opts.maxPositions,
    type_vocab_size: 2,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    ...opts.extra,
  };
}

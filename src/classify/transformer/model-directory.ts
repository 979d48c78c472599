/**
 * Inspects a Hugging Face-layout model directory before anything is loaded, so a broken one
 * fails with a ModelLoadError naming the file: config.json (parsed, checked), tokenizer.json and
 * tokenizer_config.json (present), the ONNX weights (chosen by dtype) and the usable max length.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { ModelLoadError, modelLoadMessages } from './model-load-error.ts';
import { pathExists } from '../../util/path-exists.ts';

export const modelConfigSchema = z.looseObject({
  architectures: z.array(z.string()).optional(),
  model_type: z.string().min(1),
  id2label: z.record(z.string(), z.string()).optional(),
  max_position_embeddings: z.number().int().positive().optional(),
});
export type ModelConfig = z.infer<typeof modelConfigSchema>;

/** onnx file suffix → transformers.js dtype, in default preference order (fp32 reference first) */
export const ONNX_VARIANTS = [
  { suffix: '', dtype: 'fp32' },
  { suffix: '_quantized', dtype: 'q8' },
  { suffix: '_int8', dtype: 'int8' },
  { suffix: '_uint8', dtype: 'uint8' },
  { suffix: '_fp16', dtype: 'fp16' },
  { suffix: '_q4', dtype: 'q4' },
] as const;
export type OnnxDtype = (typeof ONNX_VARIANTS)[number]['dtype'];

export interface ModelDirectory {
  readonly dir: string;
  /** folder name (the model id when the manifest does not name it) */
  readonly name: string;
  readonly parent: string;
  readonly config: ModelConfig;
  readonly configFile: string;
  readonly tokenizerFile: string;
  readonly tokenizerConfigFile: string;
  readonly onnxFile: string;
  /** '' when the .onnx sits at the top of the directory */
  readonly subfolder: 'onnx' | '';
  readonly dtype: OnnxDtype;
  readonly externalData: boolean;
  /** max tokens per sequence, [CLS] and [SEP] included */
  readonly maxLength: number;
}

export interface InspectOptions {
  readonly dtype?: OnnxDtype;
  readonly maxLength?: number;
}

const POSITION_OFFSET_MODELS = new Set(['roberta', 'xlm-roberta', 'camembert', 'bertweet', 'longformer']);

export async function inspectModelDirectory(modelDir: string, opts: InspectOptions = {}): Promise<ModelDirectory> {
  const dir = resolve(modelDir);
  const configFile = join(dir, 'config.json');
  const tokenizerFile = join(dir, 'tokenizer.json');
  const tokenizerConfigFile = join(dir, 'tokenizer_config.json');
  const config = await readModelConfig(configFile);
  await mustExist(tokenizerFile, 'tokenizer (tokenizer.json)');
  await mustExist(tokenizerConfigFile, 'tokenizer config (tokenizer_config.json)');
  const tokenizerConfig = await readJson(tokenizerConfigFile);
  const onnx = await chooseOnnxFile(dir, opts.dtype);
  const size = (await stat(onnx.file)).size;
  if (size === 0) throw new ModelLoadError(onnx.file, modelLoadMessages.corruptOnnx(onnx.file, 'empty file'));
  const externalData = await pathExists(`${onnx.file}_data`);
  return {
    dir,
    name: basename(dir),
    parent: dirname(dir),
    config,
    configFile,
    tokenizerFile,
    tokenizerConfigFile,
    onnxFile: onnx.file,
    subfolder: onnx.subfolder,
    dtype: onnx.dtype,
    externalData,
    maxLength: effectiveMaxLength(config, tokenizerConfig, opts.maxLength),
  };
}

export async function readModelConfig(configFile: string): Promise<ModelConfig> {
  await mustExist(configFile, 'model config (config.json)');
  const raw = await readJson(configFile);
  const parsed = modelConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelLoadError(configFile, modelLoadMessages.invalidConfig(configFile, detail));
  }
  return parsed.data;
}

function effectiveMaxLength(config: ModelConfig, tokenizerConfig: unknown, requested: number | undefined): number {
  const limits: number[] = [];
  if (requested !== undefined) limits.push(requested);
  const tokMax = (tokenizerConfig as { model_max_length?: unknown }).model_max_length;
  if (typeof tokMax === 'number' && tokMax > 0 && tokMax < 1_000_000) limits.push(tokMax);
  if (config.max_position_embeddings !== undefined) {
    limits.push(config.max_position_embeddings - (POSITION_OFFSET_MODELS.has(config.model_type) ? 2 : 0));
  }
  const max = limits.length > 0 ? Math.min(...limits) : 512;
  return Math.max(8, Math.floor(max));
}

async function chooseOnnxFile(dir: string, dtype: OnnxDtype | undefined): Promise<{ file: string; subfolder: 'onnx' | ''; dtype: OnnxDtype }> {
  const variants = dtype === undefined ? ONNX_VARIANTS : ONNX_VARIANTS.filter((v) => v.dtype === dtype);
  for (const subfolder of ['onnx', ''] as const) {
    const folder = subfolder === '' ? dir : join(dir, subfolder);
    const names = new Set(await readdir(folder).catch(() => [] as string[]));
    for (const v of variants) {
      if (names.has(`model${v.suffix}.onnx`)) return { file: join(folder, `model${v.suffix}.onnx`), subfolder, dtype: v.dtype };
    }
  }
  const expected = dtype === undefined ? join(dir, 'onnx', 'model.onnx') : join(dir, 'onnx', `model${ONNX_VARIANTS.find((v) => v.dtype === dtype)?.suffix ?? ''}.onnx`);
  throw new ModelLoadError(expected, modelLoadMessages.noOnnx(dir));
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ModelLoadError(file, modelLoadMessages.invalidJson(file, (err as Error).message), { cause: err });
  }
}

async function mustExist(file: string, what: string): Promise<void> {
  if (!(await pathExists(file))) throw new ModelLoadError(file, modelLoadMessages.missing(file, what));
}

/**
 * Loads a model directory through @huggingface/transformers, offline: the tokenizer and an ONNX
 * session (onnxruntime-node, CPU) for a classifier or an encoder. Every failure becomes a
 * ModelLoadError naming the file. The model is addressed by its absolute path: transformers.js
 * reads a path that is not a valid hub id directly (a folder name such as "owner--name" is not a
 * valid id, so `env.localModelPath` + name would not resolve it). Remote models are disabled and
 * loads are serialised (transformers.js keeps global state).
 *
 * transformers.js 3.x keeps the promise of the first ONNX session a process ever creates and awaits
 * it before every later one (backends/onnx.js `wasmInitPromise`): if that first session fails
 * (a corrupted file), every later load in the process fails with the same error. So until one
 * load has succeeded, the .onnx file is first opened directly with onnxruntime-node, and a broken
 * file is reported without ever reaching transformers.js.
 *
 * Both libraries are optional dependencies, imported on the first load (import-transformer-libraries.ts).
 */
import { availableParallelism } from 'node:os';
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { importTransformerLibraries } from './import-transformer-libraries.ts';
import { inspectModelDirectory, type InspectOptions, type ModelDirectory } from './model-directory.ts';
import { ModelLoadError, modelLoadMessages } from './model-load-error.ts';

export interface RuntimeOptions extends InspectOptions {
  /** onnxruntime intra-op threads, default: all cores */
  readonly threads?: number;
}

export interface ModelRuntime {
  readonly directory: ModelDirectory;
  readonly tokenizer: PreTrainedTokenizer;
  readonly model: PreTrainedModel;
  /** the ONNX graph's input names (input_ids, attention_mask, maybe token_type_ids) */
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly padTokenId: number;
  /** the tensor class of the loaded library (the library itself is imported on demand) */
  readonly Tensor: typeof Tensor;
}

let loading: Promise<unknown> = Promise.resolve();
let firstSessionCreated = false;

async function preflightOnnx(file: string): Promise<void> {
  const { InferenceSession } = (await importTransformerLibraries()).onnxruntime;
  let session: Awaited<ReturnType<typeof InferenceSession.create>>;
  try {
    session = await InferenceSession.create(file, { graphOptimizationLevel: 'disabled', intraOpNumThreads: 1 });
  } catch (err) {
    throw new ModelLoadError(file, modelLoadMessages.corruptOnnx(file, errorText(err)), { cause: err });
  }
  await session.release();
}

/** run `fn` after any load in progress */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const next = loading.then(fn, fn);
  loading = next.catch(() => undefined);
  return next;
}

export async function loadModelRuntime(modelDir: string, head: 'classifier' | 'encoder', opts: RuntimeOptions = {}): Promise<ModelRuntime> {
  const directory = await inspectModelDirectory(modelDir, opts);
  const { AutoModel, AutoModelForSequenceClassification, AutoTokenizer, env, Tensor } = (await importTransformerLibraries()).transformers;
  return serialised(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    let tokenizer: PreTrainedTokenizer;
    try {
      tokenizer = await AutoTokenizer.from_pretrained(directory.dir, { local_files_only: true });
    } catch (err) {
      throw new ModelLoadError(directory.tokenizerFile, modelLoadMessages.badTokenizer(directory.tokenizerFile, errorText(err)), { cause: err });
    }
    const threads = opts.threads ?? availableParallelism();
    const options = {
      local_files_only: true,
      dtype: directory.dtype,
      subfolder: directory.subfolder,
      use_external_data_format: directory.externalData,
      session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const },
    };
    if (!firstSessionCreated && !directory.externalData) await preflightOnnx(directory.onnxFile);
    let model: PreTrainedModel;
    try {
      model =
        head === 'classifier'
          ? await AutoModelForSequenceClassification.from_pretrained(directory.dir, options)
          : await AutoModel.from_pretrained(directory.dir, options);
    } catch (err) {
      throw new ModelLoadError(directory.onnxFile, modelLoadMessages.corruptOnnx(directory.onnxFile, errorText(err)), { cause: err });
    }
    firstSessionCreated = true;
    const session = (model.sessions as Record<string, { inputNames?: unknown; outputNames?: unknown } | undefined>)['model'];
    const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : []);
    const inputNames = session?.inputNames !== undefined ? names(session.inputNames) : ['input_ids', 'attention_mask'];
    const padTokenId = typeof tokenizer.pad_token_id === 'number' ? tokenizer.pad_token_id : 0;
    return { directory, tokenizer, model, inputNames, outputNames: names(session?.outputNames), padTokenId, Tensor };
  });
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

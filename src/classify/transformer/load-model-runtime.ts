/**
 * Loads a model directory through @huggingface/transformers, offline: the tokenizer and an ONNX
 * session (onnxruntime-node, CPU) for a classifier or an encoder. Every failure becomes a
 * ModelLoadError naming the file. transformers.js resolves local models through the global
 * `env.localModelPath`, so loads are serialised while that setting is in use.
 */
import { availableParallelism } from 'node:os';
import { AutoModel, AutoModelForSequenceClassification, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
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
}

let loading: Promise<unknown> = Promise.resolve();

/** run `fn` after any load in progress, so env.localModelPath is not changed under it */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const next = loading.then(fn, fn);
  loading = next.catch(() => undefined);
  return next;
}

export async function loadModelRuntime(modelDir: string, head: 'classifier' | 'encoder', opts: RuntimeOptions = {}): Promise<ModelRuntime> {
  const directory = await inspectModelDirectory(modelDir, opts);
  return serialised(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${directory.parent}/`;
    let tokenizer: PreTrainedTokenizer;
    try {
      tokenizer = await AutoTokenizer.from_pretrained(directory.name, { local_files_only: true });
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
    let model: PreTrainedModel;
    try {
      model =
        head === 'classifier'
          ? await AutoModelForSequenceClassification.from_pretrained(directory.name, options)
          : await AutoModel.from_pretrained(directory.name, options);
    } catch (err) {
      throw new ModelLoadError(directory.onnxFile, modelLoadMessages.corruptOnnx(directory.onnxFile, errorText(err)), { cause: err });
    }
    const session = (model.sessions as Record<string, { inputNames?: unknown; outputNames?: unknown } | undefined>)['model'];
    const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : []);
    const inputNames = session?.inputNames !== undefined ? names(session.inputNames) : ['input_ids', 'attention_mask'];
    const padTokenId = typeof tokenizer.pad_token_id === 'number' ? tokenizer.pad_token_id : 0;
    return { directory, tokenizer, model, inputNames, outputNames: names(session?.outputNames), padTokenId };
  });
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

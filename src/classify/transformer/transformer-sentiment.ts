/**
 * SentimentEngine on a text-classification model directory (3-class, 5-star, binary...):
 * batched ONNX inference, softmax, label mapping to negative/neutral/positive.
 *
 * @example
 *   const engine = await loadTransformerSentiment('models/cardiffnlp--twitter-xlm-roberta-base-sentiment');
 *   await engine.classifySentiment(['Livraison rapide, merci !']);
 *   // [{ label: 'positive', polarity: 0.93, confidence: 0.95 }]
 */
import type { Language, SentimentEngine, SentimentResult } from '../classifier-types.ts';
import { taskFromConfig } from './detect-model-task.ts';
import { describeModel } from './engine-info.ts';
import { batchOptions, type TransformerEngineOptions } from './engine-options.ts';
import { loadModelRuntime } from './load-model-runtime.ts';
import { readModelConfig } from './model-directory.ts';
import { ModelLoadError, modelLoadMessages } from './model-load-error.ts';
import { encodeTexts, runBatched } from './run-batched.ts';
import { buildSentimentLabelMap, LabelMapError, probabilitiesToSentiment, softmax, type SentimentLabelMap } from './sentiment-label-map.ts';
import { join } from 'node:path';

export interface TransformerSentimentOptions extends TransformerEngineOptions {
  /** binary models: |p(pos) − p(neg)| below this is neutral (default 0.2) */
  readonly binaryNeutralBand?: number;
}

export async function loadTransformerSentiment(modelDir: string, opts: TransformerSentimentOptions = {}): Promise<SentimentEngine> {
  const configFile = join(modelDir, 'config.json');
  const config = await readModelConfig(configFile);
  if (taskFromConfig(config) === 'embedding') {
    throw new ModelLoadError(configFile, `${configFile}: this is a feature-extraction (embedding) model, not a text classifier; use it for topics`);
  }
  const labelMap = sentimentLabelMap(config.id2label ?? {}, configFile);
  const runtime = await loadModelRuntime(modelDir, 'classifier', opts);
  const info = await describeModel(runtime.directory, 'sentiment');
  const batching = batchOptions(opts);
  return {
    info,
    async classifySentiment(texts: readonly string[], _languages?: readonly Language[]): Promise<SentimentResult[]> {
      const items = encodeTexts(runtime, texts);
      return runBatched(runtime, items, 'logits', batching, (output) => {
        const C = output.dims[1] ?? 0;
        const rows = output.dims[0] ?? 0;
        const out: SentimentResult[] = [];
        for (let r = 0; r < rows; r++) {
          out.push(probabilitiesToSentiment(softmax(output.data.subarray(r * C, (r + 1) * C)), labelMap, opts));
        }
        return out;
      });
    },
  };
}

function sentimentLabelMap(id2label: Record<string, string>, configFile: string): SentimentLabelMap {
  try {
    return buildSentimentLabelMap(id2label);
  } catch (err) {
    if (err instanceof LabelMapError) throw new ModelLoadError(configFile, modelLoadMessages.unmappedLabel(configFile, err.label), { cause: err });
    throw err;
  }
}

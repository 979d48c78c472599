/**
 * What a model directory is for, from its config.json: 'nli' when id2label has entailment and
 * contradiction, 'sentiment' for a *ForSequenceClassification head, otherwise 'embedding'
 * (BertModel, XLMRobertaModel, sentence-transformers exports...).
 */
import { join } from 'node:path';
import { readModelConfig, type ModelConfig } from './model-directory.ts';

export type ModelTask = 'sentiment' | 'embedding' | 'nli';

export function taskFromConfig(config: ModelConfig): ModelTask {
  const labels = Object.values(config.id2label ?? {}).map((l) => l.toLowerCase());
  if (labels.some((l) => l.startsWith('entail')) && labels.some((l) => l.startsWith('contradict'))) return 'nli';
  const archs = config.architectures ?? [];
  if (archs.some((a) => a.endsWith('ForSequenceClassification'))) return 'sentiment';
  if (archs.length > 0) return 'embedding';
  const defaultLabels = labels.every((l) => /^label_\d+$/.test(l));
  return labels.length >= 2 && !defaultLabels ? 'sentiment' : 'embedding';
}

export async function detectModelTask(modelDir: string): Promise<ModelTask> {
  return taskFromConfig(await readModelConfig(join(modelDir, 'config.json')));
}

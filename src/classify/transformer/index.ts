/**
 * The transformer engine: sentiment and topic engines on a local Hugging Face-layout model
 * directory (config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx), run offline
 * through @huggingface/transformers and onnxruntime-node (optional dependencies, imported on the first
 * load). Tiny generated models for tests live in test/support/tiny-model/.
 */
export { loadTransformerSentiment, type TransformerSentimentOptions } from './transformer-sentiment.ts';
export { loadTransformerTopics, type TransformerTopicOptions } from './transformer-topics.ts';
export { detectModelTask, taskFromConfig, type ModelTask } from './detect-model-task.ts';
export { ModelLoadError, modelLoadMessages } from './model-load-error.ts';
export { inspectModelDirectory, type ModelDirectory, type OnnxDtype } from './model-directory.ts';
export type { TransformerEngineOptions } from './engine-options.ts';
export { buildSentimentLabelMap, probabilitiesToSentiment, softmax, type SentimentLabelMap } from './sentiment-label-map.ts';

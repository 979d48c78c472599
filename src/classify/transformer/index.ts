/**
 * The transformer engine: sentiment and topic engines on a local Hugging Face-layout model
 * directory (config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx), run offline
 * through @huggingface/transformers and onnxruntime-node; plus tiny generated models for tests.
 */
export { loadTransformerSentiment, type TransformerSentimentOptions } from './transformer-sentiment.ts';
export { loadTransformerTopics, type TransformerTopicOptions } from './transformer-topics.ts';
export { detectModelTask, taskFromConfig, type ModelTask } from './detect-model-task.ts';
export { ModelLoadError, modelLoadMessages } from './model-load-error.ts';
export { inspectModelDirectory, type ModelDirectory, type OnnxDtype } from './model-directory.ts';
export type { TransformerEngineOptions } from './engine-options.ts';
export { buildSentimentLabelMap, probabilitiesToSentiment, softmax, type SentimentLabelMap } from './sentiment-label-map.ts';
export { writeTinyModel, type TinyModelKind, type TinyModelOptions, type TinyModelInfo } from './tiny-model/write-tiny-model.ts';
export { writeRandomEncoderModel, ARCHITECTURES, type ArchitectureName } from './tiny-model/write-random-encoder-model.ts';
export { LABEL_SCHEMES, type LabelSchemeName } from './tiny-model/label-schemes.ts';

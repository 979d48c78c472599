/** A model directory that cannot be used: names the file at fault (missing, unreadable, corrupted). */
export class ModelLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}

/** messages in one place, so tests compare against the builder */
export const modelLoadMessages = {
  missing: (file: string, what: string) => `${file}: missing ${what}; a model directory needs config.json, tokenizer.json, tokenizer_config.json and onnx/model*.onnx`,
  invalidJson: (file: string, detail: string) => `${file}: invalid JSON (${detail})`,
  invalidConfig: (file: string, detail: string) => `${file}: invalid model config (${detail})`,
  noOnnx: (dir: string) => `${dir}: no ONNX weights found (expected onnx/model.onnx or onnx/model_quantized.onnx)`,
  corruptOnnx: (file: string, detail: string) => `${file}: cannot load the ONNX model, the file is corrupted or not an ONNX graph (${detail})`,
  badTokenizer: (file: string, detail: string) => `${file}: cannot load the tokenizer (${detail})`,
  unmappedLabel: (file: string, label: string) =>
    `${file}: cannot map label "${label}" of id2label to negative/neutral/positive (known: negative/neutral/positive, neg/neu/pos, N star(s), LABEL_k)`,
  notNli: (file: string) => `${file}: id2label has no entailment and contradiction labels, so this is not an NLI model`,
} as const;

/**
 * Tiny generated transformer models for tests and benches (random weights, written with onnx-proto,
 * a dev dependency): test tooling, not part of ecoute.
 */
export { writeTinyModel, type TinyModelKind, type TinyModelOptions, type TinyModelInfo } from './write-tiny-model.ts';
export { writeRandomEncoderModel, ARCHITECTURES, type ArchitectureName } from './write-random-encoder-model.ts';
export { LABEL_SCHEMES, type LabelSchemeName } from './label-schemes.ts';

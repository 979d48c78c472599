// Resolve hook: '@huggingface/transformers' and 'onnxruntime-node' are "not installed".
const HIDDEN = new Set(['@huggingface/transformers', 'onnxruntime-node']);

export async function resolve(specifier, context, next) {
  if (HIDDEN.has(specifier)) {
    const error = new Error(`Cannot find package '${specifier}' imported from ${context.parentURL}`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}

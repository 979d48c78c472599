/**
 * The transformer engine's libraries, @huggingface/transformers and onnxruntime-node, are optional
 * dependencies (about 370 MB): they are imported only when a transformer model is loaded. Without
 * them (`npm ci --omit=optional`) everything else works, and asking for the transformer engine
 * says how to add them.
 */
import { EcouteError } from '../../run/errors.ts';

type TransformersLibrary = typeof import('@huggingface/transformers');
type OnnxRuntimeLibrary = typeof import('onnxruntime-node');

export interface TransformerLibraries {
  readonly transformers: TransformersLibrary;
  readonly onnxruntime: OnnxRuntimeLibrary;
}

export const TRANSFORMER_PACKAGES = ['@huggingface/transformers', 'onnxruntime-node'] as const;

export const transformerEngineMessages = {
  notInstalled: (pkg: string): string =>
    `the transformer engine needs the optional package ${pkg}, which is not installed (an install with --omit=optional leaves it out): ` +
    `add it in the ecoute folder with \`npm install --include=optional\` (or \`npm install ${TRANSFORMER_PACKAGES.join(' ')}\`), ` +
    'or use the embedded engine (engine: embedded, the default)',
};

/** The transformer engine asked for, its optional packages not installed (exit code 1). */
export class TransformerEngineMissingError extends EcouteError {
  override readonly code: string = 'engine_not_installed';
  constructor(readonly packageName: string, options?: { cause?: unknown }) {
    super(transformerEngineMessages.notInstalled(packageName));
    this.name = 'TransformerEngineMissingError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

function isMissingPackage(e: unknown, pkg: string): boolean {
  const code = (e as { code?: unknown }).code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((e as Error).message).includes(pkg);
}

async function importOptional<T>(pkg: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isMissingPackage(e, pkg)) throw new TransformerEngineMissingError(pkg, { cause: e });
    throw e;
  }
}

let libraries: Promise<TransformerLibraries> | undefined;

export function importTransformerLibraries(): Promise<TransformerLibraries> {
  libraries ??= (async () => ({
    onnxruntime: await importOptional('onnxruntime-node', () => import('onnxruntime-node')),
    transformers: await importOptional('@huggingface/transformers', () => import('@huggingface/transformers')),
  }))();
  const pending = libraries;
  pending.catch(() => {
    if (libraries === pending) libraries = undefined; // a later call tries again (e.g. after an install)
  });
  return pending;
}

/**
 * Reads a pipeline file: YAML syntax errors and schema errors are all reported at once,
 * each as `file: dotted.path: message` (a YAML error gives its line and column).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { pipelineSchema, type Pipeline } from './pipeline-schema.ts';
import { formatIssuePath, type ConfigProblem } from './format-zod-issues.ts';
import { yamlNodePosition } from './yaml-node-position.ts';
import { ConfigError } from '../run/errors.ts';

export interface LoadedPipeline {
  readonly file: string;
  /** folder of the pipeline file: source paths are relative to it */
  readonly baseDir: string;
  readonly pipeline: Pipeline;
}

export function parsePipelineText(text: string): { value?: Pipeline; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { path: `line ${pos.line}, column ${pos.col}`, message: e.message.split('\n')[0] ?? e.message, line: pos.line, column: pos.col };
      }),
    };
  }
  const parsed = pipelineSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message, ...yamlNodePosition(doc, lineCounter, issue.path) })),
    };
  }
  return { value: parsed.data, problems: [] };
}

export function loadPipeline(file: string): LoadedPipeline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [{ path: '(file)', message: `cannot read pipeline file: ${(e as Error).message}` }]);
  }
  const { value, problems } = parsePipelineText(text);
  if (value === undefined) throw new ConfigError(file, problems);
  return { file, baseDir: dirname(resolve(file)), pipeline: value };
}

/**
 * The output folder of a run: `--out` as given (relative to the current directory), else the
 * pipeline's `output.dir` relative to the pipeline file, like its sources, so a cron job started
 * from any directory writes to the same place.
 */
export function resolveOutputDir(loaded: LoadedPipeline, outDir?: string): string {
  return outDir !== undefined ? resolve(outDir) : resolve(loaded.baseDir, loaded.pipeline.output.dir);
}

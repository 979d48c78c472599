/** Human text for the verbatim commands. */
import type { ClassifyFileResult } from '../classify/pipeline/classify-file.ts';
import type { EvalFileResult } from '../classify/pipeline/eval-file.ts';
import type { PipelineLint } from '../classify/lint/lint-run-taxonomy.ts';
import type { ModelList, VerifyResult } from '../models/index.ts';
import { formatTable } from './print-result.ts';

const engineLines = (engines: ReadonlyArray<{ description: string }>, notices: readonly string[]): string[] => [
  ...engines.map((e) => `engine: ${e.description}`),
  ...notices.map((n) => `note: ${n}`),
];

export function formatClassify(r: ClassifyFileResult): string {
  return [
    `classified ${r.rows} rows of ${r.input}${r.out !== undefined ? ` into ${r.out}` : ''}`,
    `${r.distinctTexts} distinct texts, ${r.newlyClassified} classified, ${r.cachedHits} from cache`,
    ...engineLines(r.engines, r.notices),
  ].join('\n');
}

export function formatEval(r: EvalFileResult): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const confusion = formatTable(['gold \\ predicted', ...r.labels], r.labels.map((l, i) => [l, ...(r.confusion[i] ?? [])]));
  return [
    `${r.task} on ${r.input}: ${r.rows} rows scored (${r.skipped} skipped)`,
    `labels: ${r.labelMapping}`,
    `accuracy ${pct(r.accuracy)} (majority class ${pct(r.majorityAccuracy)}), macro-F1 ${r.macroF1.toFixed(3)}`,
    '',
    confusion,
    '',
    ...engineLines(r.engines, r.notices),
  ].join('\n');
}

export function formatModels(r: ModelList): string {
  return JSON.stringify(r, null, 2);
}

export function formatVerify(r: VerifyResult): string {
  return `${JSON.stringify(r, null, 2)}\n${r.ok ? 'all model files match the manifest' : 'some model files are missing or changed'}`;
}

export function formatLint(r: PipelineLint): string {
  const source = r.database === undefined ? 'no run database yet: checks without data' : `${r.clauses} clauses from ${r.database}`;
  const findings = r.findings.length === 0 ? 'no findings' : r.findings.map((f) => `${f.kind.padEnd(13)} ${f.message}`).join('\n');
  const keywords =
    r.keywords.length === 0
      ? ''
      : `\n\n${formatTable(['theme', 'keyword', 'lang', 'clauses', 'share'], r.keywords.map((k) => [k.theme, k.keyword, k.language, k.clauses, `${(100 * k.share).toFixed(2)} %`]))}`;
  return `${r.pipeline}: ${source}\n\n${findings}${keywords}`;
}

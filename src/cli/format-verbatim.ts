/** Human text for the verbatim commands. */
import type { ClassifyFileResult } from '../classify/pipeline/classify-file.ts';
import type { EvalFileResult } from '../classify/pipeline/eval-file.ts';
import type { PipelineLint } from '../classify/lint/lint-run-taxonomy.ts';
import type { StoredCandidate } from '../classify/discovery/reconcile-candidates.ts';
import type { ManifestModel, ModelList, VerifyResult } from '../models/index.ts';
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
    `accuracy ${pct(r.accuracy)} (majority class ${pct(r.majorityAccuracy)}${r.lexiconAccuracy === undefined ? '' : `, lexicon alone ${pct(r.lexiconAccuracy)}`}), macro-F1 ${r.macroF1.toFixed(3)}`,
    ...(r.themes === undefined
      ? []
      : [
          `themes: micro-F1 ${r.themes.f1.toFixed(3)}: precision ${r.themes.precision.toFixed(3)} (${r.themes.hits} right of ${r.themes.predictedThemes} theme predictions), recall ${r.themes.recall.toFixed(3)} (of ${r.themes.goldThemes} texts with a gold theme); 'none' is no theme`,
        ]),
    '',
    confusion,
    '',
    ...engineLines(r.engines, r.notices),
  ].join('\n');
}

/** `themes candidates`: rank, id, name, size, negative share, priority and the closest example. */
export function formatCandidates(r: { runDir: string; candidates: readonly StoredCandidate[] }): string {
  if (r.candidates.length === 0) return `${r.runDir}: no candidate theme (the run has no taxonomy, or every clause matched a theme)`;
  const share = (c: StoredCandidate): string => (Number.isNaN(c.negativeShare) ? 'n/a' : `${Math.round(100 * c.negativeShare)} %`);
  const rows = r.candidates.map((c, i) => [i + 1, c.candidateId, c.name, c.size, share(c), Number.isNaN(c.priority) ? 'n/a' : Math.round(c.priority), (c.representatives[0]?.clause ?? '').slice(0, 60)]);
  return [
    formatTable(['rank', 'id', 'name', 'clauses', 'negative', 'priority', 'example'], rows),
    '',
    'priority = clauses × negative share; `ecoute themes promote <run-dir> <id>` prints one as a taxonomy entry',
  ].join('\n');
}

const megabytes = (bytes: number): number => Math.round(bytes / 1e5) / 10;

export function formatModels(r: ModelList): string {
  const rows = r.models.map((m) => [m.id, m.dir, m.revision, m.tasks.join(', '), m.source, m.files, megabytes(m.bytes), m.added_at, m.present ? 'yes' : 'MISSING']);
  const table = r.models.length === 0 ? 'no model in the manifest' : formatTable(['id', 'dir', 'revision', 'tasks', 'source', 'files', 'MB', 'added', 'present'], rows);
  return r.unregistered.length === 0 ? table : `${table}\n\nfolders not in the manifest (add them with \`ecoute models add\`): ${r.unregistered.join(', ')}`;
}

/** `models add` / `models pull`: the model as written into the manifest. */
export function formatModel(m: ManifestModel): string {
  const bytes = m.files.reduce((sum, f) => sum + f.size, 0);
  return `${m.id} in ${m.dir} (revision ${m.revision}, ${m.tasks.join(', ')}, ${m.source}): ${m.files.length} files, ${megabytes(bytes)} MB, SHA-256 of each in the manifest`;
}

export function formatVerify(r: VerifyResult): string {
  const rows = r.models.flatMap((m) =>
    m.problems.length === 0 && m.untracked.length === 0
      ? [[m.id, 'ok', '', '']]
      : [...m.problems.map((p) => [m.id, p.problem.toUpperCase(), p.file, p.detail]), ...m.untracked.map((f) => [m.id, 'untracked', f, 'not in the manifest'])],
  );
  const table = r.models.length === 0 ? 'no model in the manifest' : formatTable(['model', 'status', 'file', 'detail'], rows);
  return `${table}\n\n${r.ok ? 'all model files match the manifest' : 'some model files are missing or changed'}`;
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

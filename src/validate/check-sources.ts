/**
 * `ecoute validate`: checks the pipeline definition and that every source file can be read and has the
 * mapped columns (all problems are collected, not just the first); then reads the first N rows of each
 * file (accounts whole) through the same checks as a run, in memory, and reports per source the share
 * that would be quarantined per reason, the fields that would be set missing, and the quality gates on
 * that sample (not the row change, which needs a whole night). A failed gate makes validate fail (exit 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { lintTaxonomy } from '../classify/lint/lint-taxonomy.ts';
import { loadPipeline } from '../config/load-pipeline.ts';
import { DEFAULT_CSV_OPTIONS, SOURCE_NAMES, type Pipeline } from '../config/pipeline-schema.ts';
import { structValue } from '@duckdb/node-api';
import { openDatabase } from '../db/open-database.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { resolveSourceFiles } from '../ingest/resolve-source-files.ts';
import { loadJsonLines } from '../ingest/load-json-lines.ts';
import { inspectFile } from '../ingest/inspect-file.ts';
import { formatOf } from '../ingest/format-of.ts';
import { missingColumns } from '../ingest/source-fields.ts';
import { sourceFileProblem } from '../ingest/messages.ts';
import { groupFileProblems, type KeyedCheck } from './group-file-problems.ts';
import { loadSources } from '../ingest/load-sources.ts';
import { EcouteError } from '../run/errors.ts';
import { fieldProblemSummary, quarantineSummary } from './quarantine-summary.ts';
import { evaluateGates, type GateResult } from './evaluate-gates.ts';

export interface SourceCheck {
  readonly source: string;
  readonly file: string;
  readonly ok: boolean;
  readonly problem?: string;
  readonly warning?: string;
}

/** What the run would do with the sample of one source. */
export interface SourceSample {
  readonly source: string;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  /** quarantined / read */
  readonly quarantinedShare: number;
  readonly byReason: Array<{ reason: string; count: number; share: number; meaning: string }>;
  /** fields that would be set missing on accepted rows (field_problems), per reason */
  readonly fieldProblems: Array<{ reason: string; count: number; meaning: string }>;
}

export interface ValidateResult {
  readonly pipeline: string;
  readonly ok: boolean;
  readonly checks: SourceCheck[];
  /** taxonomy lint findings without data (`ecoute themes lint` adds the data of the last run): warnings, never errors */
  readonly themeWarnings: string[];
  /** rows read per file for the sample (undefined when the files could not be read) */
  readonly sampleRows?: number;
  readonly samples: SourceSample[];
  readonly gates: GateResult[];
}

export interface ValidateOptions {
  /** rows read from the head of each file (default 10,000) */
  readonly sampleRows?: number;
  /** run date YYYY-MM-DD for the future-date check */
  readonly asOf: string;
}

/** Files missing the same mapped columns have the same problem, whatever else their headers hold. */
const missingKey = (missing: readonly string[]): string | undefined => (missing.length === 0 ? undefined : `missing columns ${JSON.stringify(missing)}`);

export { DEFAULT_SAMPLE_ROWS } from './sample-rows.ts';
import { DEFAULT_SAMPLE_ROWS } from './sample-rows.ts';


export async function validatePipeline(pipelineFile: string, opts: ValidateOptions): Promise<ValidateResult> {
  const { pipeline, baseDir } = loadPipeline(pipelineFile);
  const db = await openDatabase();
  const keyed: KeyedCheck[] = [];
  try {
    for (const source of SOURCE_NAMES) {
      const spec = pipeline.sources[source];
      if (spec === undefined) continue;
      const files = await resolveSourceFiles(db.connection, baseDir, spec.path);
      // every check is kept with the source's glob and what makes its problem the same as another file's (grouped below)
      const checks = { push: (check: SourceCheck, key?: string): number => keyed.push({ check, glob: spec.path, ...(key !== undefined ? { key } : {}) }) };
      if (files.length === 0) checks.push({ source, file: spec.path, ok: false, problem: sourceFileProblem.noFiles(baseDir) });
      for (const path of files) {
        const format = formatOf(path, spec.format);
        const file = relative(baseDir, path) || basename(path); // shown relative to the pipeline file, as in run-summary.json
        let columns: string[];
        if (format === 'csv') {
          const csv = spec.csv ?? DEFAULT_CSV_OPTIONS;
          const info = inspectFile(path, csv);
          if (info.empty) {
            checks.push({ source, file, ok: true, warning: sourceFileProblem.empty() });
            continue;
          }
          if (info.binary) {
            checks.push({ source, file, ok: false, problem: sourceFileProblem.binary() });
            continue;
          }
          const missing = missingColumns(pipeline, source, info.columns);
          checks.push(
            missing.length === 0
              ? { source, file, ok: true }
              : { source, file, ok: false, problem: sourceFileProblem.missingColumns(missing, info.columns) + sourceFileProblem.delimiterHint(csv.delimiter, info.delimiterCounts) },
            missingKey(missing),
          );
          continue;
        }
        try {
          if (format === 'parquet') {
            const reader = await db.connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path });
            columns = reader.getRowObjectsJson().map((r) => String(r.column_name));
          } else {
            const info = inspectFile(path, undefined);
            if (info.empty || info.binary) {
              checks.push(info.empty ? { source, file, ok: true, warning: sourceFileProblem.empty() } : { source, file, ok: false, problem: sourceFileProblem.binary() });
              continue;
            }
            // the keys the run would map (a malformed line is one quarantined row there, not an unreadable file)
            if (info.jsonArray) {
              checks.push({ source, file, ok: false, problem: sourceFileProblem.jsonArray() });
              continue;
            }
            const scratch = mkdtempSync(join(tmpdir(), 'ecoute-validate-'));
            try {
              await loadJsonLines(db.connection, path, pipeline.settings.max_record_bytes, join(scratch, 'normalized.jsonl'));
            } finally {
              rmSync(scratch, { recursive: true, force: true });
            }
            columns = (await querySqlFile(db.connection, 'ingest/json-line-keys')).map((r) => String(r.key));
          }
        } catch (e) {
          checks.push({ source, file, ok: false, problem: sourceFileProblem.unreadable((e as Error).message) });
          continue;
        }
        const missing = missingColumns(pipeline, source, columns);
        checks.push(missing.length === 0 ? { source, file, ok: true } : { source, file, ok: false, problem: sourceFileProblem.missingColumns(missing, columns) }, missingKey(missing));
      }
    }
  } finally {
    db.close();
  }
  const checks = groupFileProblems(keyed);
  const name = pipeline.name || basename(pipelineFile);
  const themeWarnings = pipeline.taxonomy === undefined ? [] : lintTaxonomy(pipeline.taxonomy).findings.map((f) => f.message);
  if (!checks.every((c) => c.ok)) return { pipeline: name, ok: false, checks, themeWarnings, samples: [], gates: [] };
  const sampleRows = opts.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  const sample = await checkSample(pipeline, baseDir, pipelineFile, sampleRows, opts.asOf);
  if ('problem' in sample) return { pipeline: name, ok: false, checks: [...checks, sample.problem], themeWarnings, samples: [], gates: [] };
  return { pipeline: name, ok: sample.gates.every((g) => g.passed), checks, themeWarnings, sampleRows, samples: sample.samples, gates: sample.gates };
}

/** The first `rows` rows of each file through the run's own staging and checks, in an in-memory database. */
async function checkSample(
  pipeline: Pipeline,
  baseDir: string,
  pipelineFile: string,
  rows: number,
  asOf: string,
): Promise<{ samples: SourceSample[]; gates: GateResult[] } | { problem: SourceCheck }> {
  const db = await openDatabase();
  const workDir = mkdtempSync(join(tmpdir(), 'ecoute-validate-'));
  try {
    const conn = db.connection;
    let loaded: Awaited<ReturnType<typeof loadSources>>;
    try {
      loaded = await loadSources({ conn, pipeline, baseDir, workDir, asOf, sampleRows: rows });
    } catch (e) {
      if (!(e instanceof EcouteError)) throw e;
      const file = 'file' in e && typeof e.file === 'string' ? relative(baseDir, e.file) || e.file : pipelineFile;
      const source = 'source' in e && typeof e.source === 'string' ? e.source : '';
      return { problem: { source, file, ok: false, problem: e.message } };
    }
    const quarantine = await quarantineSummary(conn);
    const fields = await fieldProblemSummary(conn);
    const samples = loaded.sources.map(({ source, reconciliation: r }): SourceSample => ({
      source,
      rowsRead: r.rowsRead,
      rowsAccepted: r.rowsAccepted,
      rowsQuarantined: r.rowsQuarantined,
      quarantinedShare: r.rowsRead === 0 ? 0 : r.rowsQuarantined / r.rowsRead,
      byReason: quarantine.byReason
        .filter((q) => q.source === source)
        .map((q) => ({ reason: q.reason, count: q.count, share: q.count / r.rowsRead, meaning: q.meaning })),
      fieldProblems: fields.byReason.filter((f) => f.source === source).map((f) => ({ reason: f.reason, count: f.count, meaning: f.meaning })),
    }));
    const configured = SOURCE_NAMES.filter((s) => pipeline.sources[s] !== undefined);
    const gates = evaluateGates(loaded.sources.map((s) => s.reconciliation), undefined, pipeline.settings.gates, configured);
    return { samples, gates };
  } finally {
    db.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

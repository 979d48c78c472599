/**
 * `ecoute validate`: checks the pipeline definition and that every source file can be read and has the
 * mapped columns — without loading anything. All problems are collected, not just the first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { lintTaxonomy } from '../classify/lint/lint-taxonomy.ts';
import { loadPipeline } from '../config/load-pipeline.ts';
import { DEFAULT_CSV_OPTIONS, SOURCE_NAMES } from '../config/pipeline-schema.ts';
import { openDatabase } from '../db/open-database.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { resolveSourceFiles } from '../ingest/resolve-source-files.ts';
import { loadJsonLines } from '../ingest/load-json-lines.ts';
import { inspectFile } from '../ingest/inspect-file.ts';
import { formatOf } from '../ingest/format-of.ts';
import { missingColumns } from '../ingest/source-fields.ts';
import { sourceFileProblem } from '../ingest/messages.ts';

export interface SourceCheck {
  readonly source: string;
  readonly file: string;
  readonly ok: boolean;
  readonly problem?: string;
  readonly warning?: string;
}

export interface ValidateResult {
  readonly pipeline: string;
  readonly ok: boolean;
  readonly checks: SourceCheck[];
  /** taxonomy lint findings without data (`ecoute themes lint` adds the data of the last run): warnings, never errors */
  readonly themeWarnings: string[];
}


export async function validatePipeline(pipelineFile: string): Promise<ValidateResult> {
  const { pipeline, baseDir } = loadPipeline(pipelineFile);
  const db = await openDatabase();
  const checks: SourceCheck[] = [];
  try {
    for (const source of SOURCE_NAMES) {
      const spec = pipeline.sources[source];
      if (spec === undefined) continue;
      const files = await resolveSourceFiles(db.connection, baseDir, spec.path);
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
        checks.push(missing.length === 0 ? { source, file, ok: true } : { source, file, ok: false, problem: sourceFileProblem.missingColumns(missing, columns) });
      }
    }
  } finally {
    db.close();
  }
  const themeWarnings = pipeline.taxonomy === undefined ? [] : lintTaxonomy(pipeline.taxonomy).findings.map((f) => f.message);
  return { pipeline: pipeline.name || basename(pipelineFile), ok: checks.every((c) => c.ok), checks, themeWarnings };
}

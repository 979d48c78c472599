/**
 * Lints a taxonomy against the verbatims of a run database (a stable sample of at most 20,000 distinct
 * verbatims, split into clauses as the classifier splits them): `ecoute run` logs the findings as
 * warnings, `ecoute themes lint <pipeline>` prints them (with the data of the pipeline's last run when
 * its database exists, the data-free checks otherwise).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { loadPipeline } from '../../config/load-pipeline.ts';
import { openDatabase } from '../../db/open-database.ts';
import { querySqlFile } from '../../db/sql-file.ts';
import { verbatimClauses } from '../embedded/verbatim-clauses.ts';
import { lintTaxonomy, type TaxonomyLint } from './lint-taxonomy.ts';

export const LINT_SAMPLE = 20_000;

export async function lintRunTaxonomy(conn: DuckDBConnection, taxonomy: Taxonomy, maxRows = LINT_SAMPLE): Promise<TaxonomyLint> {
  const rows = await querySqlFile(conn, 'classify/select-lint-texts', { max_rows: maxRows });
  const split = verbatimClauses(rows.map((r) => String(r.text)));
  return lintTaxonomy(taxonomy, split.clauses.map((c) => ({ text: c.clause.text, language: c.language })));
}

export interface PipelineLint extends TaxonomyLint {
  readonly pipeline: string;
  /** the run database the clauses came from, when there was one */
  readonly database?: string;
}

export async function lintPipelineTaxonomy(pipelineFile: string): Promise<PipelineLint> {
  const { pipeline } = loadPipeline(pipelineFile);
  if (pipeline.taxonomy === undefined) throw new Error(`${pipelineFile}: the pipeline has no taxonomy to lint`);
  const database = join(resolve(pipeline.output.dir), 'ecoute.duckdb');
  if (!existsSync(database)) return { pipeline: pipelineFile, ...lintTaxonomy(pipeline.taxonomy) };
  const db = await openDatabase(database);
  try {
    return { pipeline: pipelineFile, database, ...(await lintRunTaxonomy(db.connection, pipeline.taxonomy)) };
  } finally {
    db.close();
  }
}

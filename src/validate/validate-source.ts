/**
 * Validate one staged source: the checks in `sql/validate/check-<source>.sql` give every row its list of
 * problems; clean rows go to the canonical table, the others to `quarantine` with file, line, field and
 * reason; rows of people on the erasure list are then dropped from both (src/erase/erase-source-rows.ts).
 * Then the books are balanced: rows read = accepted + quarantined + erased, or the run stops.
 */
import { listValue, LIST, VARCHAR, INTEGER, BIGINT, DOUBLE, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { isRatedSource, type Pipeline, type SourceName } from '../config/pipeline-schema.ts';
import { runSqlFile, queryNumber } from '../db/sql-file.ts';
import { internalName } from '../db/quote-identifier.ts';
import { canonicalFields, ratingColumns, ratingMappings } from '../ingest/source-fields.ts';
import { EcouteError } from '../run/errors.ts';
import { checkFileShapes } from './check-file-shapes.ts';
import { eraseSourceRows } from '../erase/erase-source-rows.ts';
import { loadContactPhones } from './contact-phones.ts';

export interface Reconciliation {
  readonly source: SourceName;
  readonly files: number;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  /** rows of people on the erasure list, dropped at ingest */
  readonly rowsErased: number;
}

export interface ValidationContext {
  readonly conn: DuckDBConnection;
  readonly pipeline: Pipeline;
  /** run date, YYYY-MM-DD */
  readonly asOf: string;
  readonly reportingCurrency: string;
  /** hashes of the erasure list (src/erase/erasure-list.ts); their rows are dropped */
  readonly erasureHashes?: readonly string[];
  /** `ecoute validate` on a sample: nothing is written anywhere, so a file that is not an export is
   * reported by its shares and gates rather than refused (checkFileShapes guards the outputs of a run) */
  readonly sampled?: boolean;
}

const ISO_DATE_FORMATS = ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d'];
/** ISO 8601 with an offset (`+02:00`, `+0200`); `Z` and fractions are read by ecoute_iso_timestamp. */
const ISO_OFFSET_FORMATS = ['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d %H:%M:%S%z'];

/**
 * The configured date formats split in two lists (DuckDB's strptime gives a TIMESTAMP WITH TIME ZONE for a
 * list holding an offset specifier): those without an offset, and those with one (converted to UTC).
 */
export function dateFormatLists(formats: readonly string[] | undefined): { plain: string[]; withOffset: string[] } {
  const all = formats ?? ISO_DATE_FORMATS;
  const withOffset = all.filter((f) => /%[zZ]/.test(f));
  const plain = all.filter((f) => !/%[zZ]/.test(f));
  return { plain: plain.length > 0 ? plain : ISO_DATE_FORMATS, withOffset: withOffset.length > 0 ? withOffset : ISO_OFFSET_FORMATS };
}

type Bound = { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> };

function textList(items: readonly string[]): DuckDBValue {
  return listValue([...items]);
}

/** Parameters of `check-<source>.sql`: exactly those it uses. */
function checkParams(ctx: ValidationContext, source: SourceName): Bound {
  const { pipeline, asOf } = ctx;
  const formats = dateFormatLists(pipeline.sources[source]?.date_formats);
  const dates = { date_formats: textList(formats.plain), tz_formats: textList(formats.withOffset) };
  const number_locale = pipeline.sources[source]?.number_locale ?? '';
  const checkAccounts = pipeline.sources.accounts !== undefined && pipeline.settings.unknown_accounts !== 'keep';
  const list = LIST(VARCHAR);
  const dateTypes = { date_formats: list, tz_formats: list };
  switch (source) {
    case 'accounts':
      return { values: {}, types: {} };
    case 'contacts':
      return { values: { check_accounts: checkAccounts }, types: {} };
    case 'revenue':
      return {
        values: {
          ...dates,
          number_locale,
          default_currency: pipeline.sources.revenue?.currency ?? null,
          reporting_currency: ctx.reportingCurrency,
          fx_rates: JSON.stringify(pipeline.settings.fx_rates),
          check_accounts: checkAccounts,
        },
        types: { ...dateTypes, default_currency: VARCHAR },
      };
    case 'churn':
      return { values: { ...dates, as_of: asOf, check_accounts: checkAccounts }, types: dateTypes };
    case 'invitations':
      return {
        values: { ...dates, as_of: asOf, default_survey_type: null },
        types: { ...dateTypes, default_survey_type: VARCHAR },
      };
    case 'benchmark': {
      const b = pipeline.sources.benchmark;
      return {
        values: {
          ...dates,
          number_locale,
          as_of: asOf,
          max_verbatim_chars: pipeline.settings.max_verbatim_chars,
          rating_min: b?.rating_scale.min ?? 1,
          rating_max: b?.rating_scale.max ?? 5,
          attributes: textList(ratingMappings(pipeline, 'benchmark').map(([a]) => a)),
        },
        types: { ...dateTypes, attributes: list },
      };
    }
    case 'reference_scores':
      return { values: { number_locale }, types: {} };
    case 'followups':
      // `ecoute validate` samples the responses too: a follow-up of a response past the sample is not unknown
      return { values: { ...dates, as_of: asOf, check_accounts: checkAccounts, check_responses: ctx.sampled !== true }, types: dateTypes };
    case 'responses': {
      const r = pipeline.sources.responses;
      const s = pipeline.settings;
      const notRated = ratingColumns(pipeline).map((m) => [...m.notRated]);
      return {
        values: {
          ...dates,
          number_locale,
          as_of: asOf,
          default_survey_type: r.survey_type ?? null,
          max_verbatim_chars: s.max_verbatim_chars,
          scores_mapped: r.columns.nps !== undefined || r.columns.csat !== undefined || r.columns.ces !== undefined,
          rating_min: r.rating_scale.min,
          rating_max: r.rating_scale.max,
          attributes: textList(ratingMappings(pipeline).map(([a]) => a)),
          check_accounts: checkAccounts,
          duplicate_window_days: s.duplicate_window_days,
          speeder_seconds: s.speeder_seconds,
          straightline_min_ratings: s.straightline_min_ratings,
          speeder_action: s.quality.speeder,
          straight_liner_action: s.quality.straight_liner,
          not_rated: listValue(notRated.map((v) => listValue(v))),
          not_rated_any: listValue([...new Set(notRated.flat())]),
          plain_missing: missingValues(pipeline, source).length === 0,
        },
        types: { ...dateTypes, attributes: list, default_survey_type: VARCHAR, not_rated: LIST(LIST(DOUBLE)), not_rated_any: LIST(DOUBLE) },
      };
    }
  }
}

/** The source's missing_values other than blank (a blank cell is always missing), trimmed as ecoute_text trims. */
function missingValues(pipeline: Pipeline, source: SourceName): string[] {
  const listed = pipeline.sources[source]?.missing_values ?? [];
  return [...new Set(listed.map((v) => v.replace(/^[ \u00a0\u202f]+|[ \u00a0\u202f]+$/g, '')).filter((v) => v !== ''))];
}

/**
 * Where the checked rows of a source are: by default its `chk_<source>` table, whose rows carry their problems.
 * Responses, the big source, are checked in place: check-responses.sql writes every row into the canonical
 * table with scratch columns, and this SQL file merges the problems kept in several places into the view chk_current.
 */
const CHECKED_IN_PLACE: Partial<Record<SourceName, { problemsView: string }>> = {
  responses: { problemsView: 'validate/problems-responses' },
};

/** What a source's check needs prepared in JavaScript first (after the missing values are set). */
const BEFORE_CHECK: Partial<Record<SourceName, (ctx: ValidationContext) => Promise<void>>> = {
  contacts: (ctx) => loadContactPhones(ctx.conn, ctx.pipeline.sources.contacts?.phone_country_code ?? null),
};

const ACCEPT_PARAMS: Partial<Record<SourceName, (ctx: ValidationContext) => Bound>> = {
  responses: (ctx) => ({ values: { attributes: textList(ratingMappings(ctx.pipeline).map(([a]) => a)) }, types: { attributes: LIST(VARCHAR) } }),
  revenue: (ctx) => ({ values: { reporting_currency: ctx.reportingCurrency }, types: {} }),
  benchmark: (ctx) => ({ values: { attributes: textList(ratingMappings(ctx.pipeline, 'benchmark').map(([a]) => a)) }, types: { attributes: LIST(VARCHAR) } }),
};

/**
 * Per staged file (file ids are 1..n), its path, header lines and first row id, as lists indexed by file id:
 * the checks look them up with `$file_paths[_file_id]` instead of joining every row to stg_files.
 */
async function fileParams(conn: DuckDBConnection): Promise<Bound> {
  const rows = (await conn.runAndReadAll('SELECT file_id, path, header_lines, row_offset FROM stg_files ORDER BY file_id')).getRowObjectsJson();
  rows.forEach((r, i) => {
    if (Number(r.file_id) !== i + 1) throw new EcouteError(`internal error: staged file ids are not 1..n (${String(r.file_id)} at ${i + 1})`);
  });
  return {
    values: {
      file_paths: listValue(rows.map((r) => String(r.path))),
      file_header_lines: listValue(rows.map((r) => Number(r.header_lines))),
      file_row_offsets: listValue(rows.map((r) => BigInt(String(r.row_offset)))),
    },
    types: { file_paths: LIST(VARCHAR), file_header_lines: LIST(INTEGER), file_row_offsets: LIST(BIGINT) },
  };
}

/** SQL files are kebab-case: validate/check-reference-scores.sql. */
const sqlName = (source: SourceName): string => source.replaceAll('_', '-');

export async function validateSource(ctx: ValidationContext, source: SourceName, fileCount: number): Promise<Reconciliation> {
  const { conn } = ctx;
  const name = internalName(source);
  const canonical = source === 'churn' ? 'churn_events' : name;
  const files = await fileParams(conn);
  const check = checkParams(ctx, source);
  const inPlace = CHECKED_IN_PLACE[source];
  const checked = inPlace !== undefined ? canonical : `chk_${name}`;
  const before = await queryNumber(conn, `SELECT count(*) FROM ${canonical}`);
  await runSqlFile(conn, 'validate/use-missing-values', { missing_values: listValue(missingValues(ctx.pipeline, source)) }, { missing_values: LIST(VARCHAR) });
  await BEFORE_CHECK[source]?.(ctx);
  await runSqlFile(conn, `validate/check-${sqlName(source)}`, { ...check.values, ...files.values }, { ...check.types, ...files.types });
  if ((await queryNumber(conn, 'SELECT count(*) FROM stg_reject_offsets JOIN stg_files USING (file_id) WHERE source = $source', { source })) > 0) {
    await conn.run(`ALTER TABLE ${checked} RENAME TO chk_shift_target`);
    await runSqlFile(conn, 'validate/apply-line-shifts', files.values, files.types);
    await conn.run(`ALTER TABLE chk_shift_target RENAME TO ${checked}`);
  }
  const rawFields = canonicalFields(source).map((f) => `'${internalName(f)}': ${internalName(f)}`);
  if (isRatedSource(source)) rawFields.push("'ratings': ratings");
  if (inPlace !== undefined) await runSqlFile(conn, inPlace.problemsView);
  else await conn.run(`CREATE OR REPLACE TEMP VIEW chk_current AS SELECT * FROM ${checked}`);
  if (ctx.sampled !== true) await checkFileShapes(conn, source);
  await conn.run(`CREATE OR REPLACE TEMP VIEW stg_current AS SELECT rowid AS _rid, {${rawFields.join(', ')}} AS raw FROM stg_${name}`);
  await runSqlFile(conn, 'validate/quarantine-rejects', { source });
  await runSqlFile(conn, 'validate/quarantine-checked', { source });
  const accept = ACCEPT_PARAMS[source]?.(ctx) ?? { values: {}, types: {} };
  await runSqlFile(conn, `validate/accept-${sqlName(source)}`, { ...accept.values, ...files.values }, { ...accept.types, ...files.types });
  const erased = await eraseSourceRows(conn, source, canonical, ctx.erasureHashes ?? []);
  const accepted = (await queryNumber(conn, `SELECT count(*) FROM ${canonical}`)) - before;
  const quarantined = await queryNumber(conn, 'SELECT count(*) FROM quarantine WHERE source = $source', { source });
  const read = await queryNumber(conn, 'SELECT sum(records + rejected) FROM stg_files WHERE source = $source', { source });
  if (read !== accepted + quarantined + erased) {
    throw new EcouteError(`internal error: ${source} does not reconcile: read ${read} != accepted ${accepted} + quarantined ${quarantined} + erased ${erased}`);
  }
  const rec: Reconciliation = { source, files: fileCount, rowsRead: read, rowsAccepted: accepted, rowsQuarantined: quarantined, rowsErased: erased };
  await conn.run('INSERT INTO reconciliation VALUES ($source, $files, $read, $accepted, $quarantined, $erased)', {
    source,
    files: fileCount,
    read,
    accepted,
    quarantined,
    erased,
  });
  return rec;
}

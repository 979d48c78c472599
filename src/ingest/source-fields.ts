/**
 * The canonical fields of each source and the source columns they are mapped from,
 * derived from the pipeline schema so the two never drift apart.
 */
import type { z } from 'zod';
import {
  accountsSourceSchema,
  benchmarkSourceSchema,
  churnSourceSchema,
  isRatedSource,
  referenceScoresSourceSchema,
  contactsSourceSchema,
  followupsSourceSchema,
  invitationsSourceSchema,
  responsesSourceSchema,
  revenueSourceSchema,
  type Pipeline,
  type RatedSourceName,
  type SourceName,
} from '../config/pipeline-schema.ts';

const COLUMN_SHAPES = {
  responses: responsesSourceSchema.shape.columns.shape,
  accounts: accountsSourceSchema.shape.columns.shape,
  contacts: contactsSourceSchema.shape.columns.shape,
  revenue: revenueSourceSchema.shape.columns.shape,
  churn: churnSourceSchema.shape.columns.shape,
  invitations: invitationsSourceSchema.shape.columns.shape,
  benchmark: benchmarkSourceSchema.shape.columns.shape,
  reference_scores: referenceScoresSourceSchema.shape.columns.shape,
  followups: followupsSourceSchema.shape.columns.shape,
} as const;

export interface FieldMapping {
  /** canonical name, e.g. `nps`, or `rating:ease` for attribute ratings */
  readonly field: string;
  /** the source column it comes from, or undefined when not mapped */
  readonly column: string | undefined;
  readonly required: boolean;
}

function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** Canonical scalar fields of a source (ratings excluded), in schema order. */
export function canonicalFields(source: SourceName): string[] {
  return Object.keys(COLUMN_SHAPES[source]).filter((k) => k !== 'ratings');
}

export function fieldMappings(pipeline: Pipeline, source: SourceName): FieldMapping[] {
  const spec = pipeline.sources[source];
  if (spec === undefined) return [];
  const shape = COLUMN_SHAPES[source] as Record<string, z.ZodType>;
  const columns = spec.columns as Record<string, unknown>;
  return canonicalFields(source).map((field) => {
    const column = columns[field];
    return { field, column: typeof column === 'string' ? column : undefined, required: isRequired(shape[field] as z.ZodType) };
  });
}

/** An attribute rating: its column, and the values that mean "not rated" (its own, else the rating_scale's). */
export interface RatingMapping {
  readonly attribute: string;
  readonly column: string;
  readonly notRated: readonly number[];
}

/** Attribute ratings of the responses source, sorted by attribute. */
export function ratingColumns(pipeline: Pipeline): RatingMapping[] {
  const r = pipeline.sources.responses;
  return Object.entries(r.columns.ratings)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([attribute, m]) => {
      const notRated = (typeof m === 'string' ? undefined : m.not_rated) ?? r.rating_scale.not_rated ?? [];
      return { attribute, column: typeof m === 'string' ? m : m.column, notRated: typeof notRated === 'number' ? [notRated] : notRated };
    });
}

/** Attribute ratings of a rated source (responses by default): [attribute, column] pairs sorted by attribute. */
export function ratingMappings(pipeline: Pipeline, source: RatedSourceName = 'responses'): Array<[string, string]> {
  if (source === 'benchmark') return Object.entries(pipeline.sources.benchmark?.columns.ratings ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ratingColumns(pipeline).map((m) => [m.attribute, m.column]);
}

/** Finds the file's column for a configured name: exact first, then case-insensitive (DuckDB's own rule). */
export function matchColumn(columns: readonly string[], wanted: string): string | undefined {
  return columns.find((c) => c === wanted) ?? columns.find((c) => c.toLowerCase() === wanted.toLowerCase());
}

/** Every source column the pipeline maps for this source (scalar fields and ratings). */
export function mappedColumns(pipeline: Pipeline, source: SourceName): string[] {
  const cols = fieldMappings(pipeline, source).flatMap((m) => (m.column === undefined ? [] : [m.column]));
  if (isRatedSource(source)) cols.push(...ratingMappings(pipeline, source).map(([, c]) => c));
  return cols;
}

/** Mapped columns that the file does not have. */
export function missingColumns(pipeline: Pipeline, source: SourceName, fileColumns: readonly string[]): string[] {
  return mappedColumns(pipeline, source).filter((c) => matchColumn(fileColumns, c) === undefined);
}

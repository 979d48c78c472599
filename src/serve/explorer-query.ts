/**
 * The served explorer's query (`GET /api/explorer?q=...&theme=...&page=2`), parsed from the URL's search
 * parameters with zod into the bound parameters of sql/serve/*.sql: the same filters as the embedded explorer
 * (explorer-app.ts: its state keys), '' for no filter; a bad sort, date or page size is a 400 naming the parameter.
 * Pure.
 *
 * **Example:**
 * ```ts
 * parseExplorerQuery(new URLSearchParams('q=Déçue&arr_band=under 25k&page=2'), { arrBands: [25000, 100000, 500000] });
 * // { terms: 'decue', arr_mode: 1, arr_lo: '', arr_hi: '25000', skip: 20, take: 20, ... }
 * ```
 */
import { z } from 'zod';
import { arrBandLabels } from '../analyze/drivers/design-matrix.ts';
import { foldSearchText } from '../report/explorer/fold-search-text.ts';

export const EXPLORER_SORTS = ['date-desc', 'date-asc', 'arr-desc', 'arr-asc', 'nps-asc', 'nps-desc'] as const;
export const MAX_PAGE_SIZE = 100;
const TEXT_FILTERS = ['theme', 'sentiment', 'nps_category', 'segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'survey_type', 'language'] as const;

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')]).default('');
const text = z.string().max(1000).default('');
const querySchema = z.strictObject({
  q: text, ...Object.fromEntries(TEXT_FILTERS.map((k) => [k, text])) as Record<(typeof TEXT_FILTERS)[number], typeof text>,
  arr_band: text,
  from: day,
  to: day,
  sort: z.enum(EXPLORER_SORTS).default('date-desc'),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  token: z.string().optional(),
});

/** The bound parameters of sql/serve/select-explorer-selection.sql (count-explorer-selection.sql uses all but sort, skip, take). */
export interface ExplorerQueryParams {
  readonly [key: string]: string | number;
  readonly as_of: string;
  readonly terms: string;
  readonly arr_mode: number;
  /** band limits as decimal text, '' for none (an integer as large as 1e300 would not bind) */
  readonly arr_lo: string;
  readonly arr_hi: string;
  readonly day_from: string;
  readonly day_to: string;
  readonly sort: string;
  readonly skip: number;
  readonly take: number;
}

export class ExplorerQueryError extends Error {}

/** The ARR filter of a band label (arrBandLabels order; the last is 'unknown'); a label that is no band matches nothing. */
function arrFilter(label: string, bands: readonly number[]): { arr_mode: number; arr_lo: string; arr_hi: string } {
  const k = arrBandLabels(bands).indexOf(label);
  if (label === '') return { arr_mode: 0, arr_lo: '', arr_hi: '' };
  if (k === bands.length + 1) return { arr_mode: 2, arr_lo: '', arr_hi: '' };
  if (k < 0) return { arr_mode: 3, arr_lo: '', arr_hi: '' };
  return { arr_mode: 1, arr_lo: k === 0 ? '' : String(bands[k - 1]), arr_hi: k === bands.length ? '' : String(bands[k]) };
}

export function parseExplorerQuery(params: URLSearchParams, opts: { asOf: string; arrBands: readonly number[]; pageSize?: number }): ExplorerQueryParams {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) raw[k] = v;
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) throw new ExplorerQueryError(parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  const q = parsed.data;
  const take = opts.pageSize ?? q.page_size;
  return {
    as_of: opts.asOf,
    terms: foldSearchText(q.q).split(/\s+/).filter((w) => w.length > 0).join(' '),
    ...Object.fromEntries(TEXT_FILTERS.map((k) => [k, q[k]])),
    ...arrFilter(q.arr_band, opts.arrBands),
    day_from: q.from,
    day_to: q.to,
    sort: q.sort,
    skip: (q.page - 1) * take,
    take,
  };
}

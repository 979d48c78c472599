/**
 * The realistic defects planted in the response exports, which validation must quarantine.
 * Each kind is recorded with its exact count and location in ground-truth.json.
 */
import type { Rng } from '../util/random.ts';

export const DIRTY_KINDS = [
  'nps_out_of_range',
  'nps_non_numeric',
  'unparseable_date',
  'unknown_account_id',
  'duplicate_response_id',
  'blank_response_id',
] as const;
export type DirtyKind = (typeof DIRTY_KINDS)[number];

/** Share of generated responses that get one defect (≈0.3% of rows). */
export const DIRTY_ROW_RATE = 0.003;
/** Planted quality problems (rows kept well-formed, flagged by the speeder / straight-line rules). */
export const SPEEDER_RATE = 0.0015;
export const STRAIGHT_LINER_RATE = 0.0025;
export const SPEEDER_SECONDS = 15;

export interface DirtyDefect {
  readonly kind: DirtyKind;
  /** replacement value of the damaged field ('' for blanks; unused for duplicates) */
  readonly value: string;
}

const OUT_OF_RANGE = ['11', '12', '-1', '100', '15', '99'];
const NON_NUMERIC = ['N/A', 'dix', '?', 'n.c.', 'eight', '#N/A', '7-8'];
const BAD_DATES = ['32/01/2026 09:15', '31/02/2026 14:30', '00/00/0000 00:00', '#VALEUR!', 'pending', '2025/13/01 10:00', '15/13/2025 11:20'];

export function drawDirtyDefect(rng: Rng): DirtyDefect {
  const kind = rng.pick(DIRTY_KINDS);
  switch (kind) {
    case 'nps_out_of_range':
      return { kind, value: rng.pick(OUT_OF_RANGE) };
    case 'nps_non_numeric':
      return { kind, value: rng.pick(NON_NUMERIC) };
    case 'unparseable_date':
      return { kind, value: rng.pick(BAD_DATES) };
    case 'unknown_account_id':
      return { kind, value: `ACC-9${String(rng.int(100_000)).padStart(5, '0')}` };
    case 'duplicate_response_id':
    case 'blank_response_id':
      return { kind, value: '' };
  }
}

/** Field of the responses export that each defect damages. */
export const DIRTY_FIELD: Readonly<Record<DirtyKind, string>> = {
  nps_out_of_range: 'nps',
  nps_non_numeric: 'nps',
  unparseable_date: 'submitted_at',
  unknown_account_id: 'account_id',
  duplicate_response_id: 'response_id',
  blank_response_id: 'response_id',
};

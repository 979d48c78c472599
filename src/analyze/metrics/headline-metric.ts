/**
 * The run's headline metric: NPS when the run has NPS answers, else CSAT, else CES — so a CSAT-only or
 * CES-only program leads its summary, report and CLI output with its own score instead of "no NPS".
 */
export const HEADLINE_METRICS = ['nps', 'csat', 'ces'] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/** The first of NPS, CSAT, CES whose whole-window cell has answers; null when none has. */
export function headlineMetricOf(cells: Partial<Record<HeadlineMetric, { readonly n: number } | null | undefined>>): HeadlineMetric | null {
  return HEADLINE_METRICS.find((m) => (cells[m]?.n ?? 0) > 0) ?? null;
}

/** How each score is written: NPS points and the CSAT share (a percentage) with one decimal, the CES mean on 1–7 with two. */
export const SCORE_FORMAT: Readonly<Record<HeadlineMetric, { readonly digits: number; readonly percent: boolean }>> = {
  nps: { digits: 1, percent: false },
  csat: { digits: 1, percent: true },
  ces: { digits: 2, percent: false },
};

/**
 * Which way a program's CES scale runs (pipeline `sources.responses.ces_direction`): `higher_is_easier` is CES 2.0,
 * the current standard (agreement 1–7 with "The company made it easy for me to handle my issue", 7 = easiest), the
 * default; `lower_is_easier` is CES 1.0 ("How much effort did you personally have to put forth?", 1 = least effort).
 */
export const CES_DIRECTIONS = ['higher_is_easier', 'lower_is_easier'] as const;
export type CesDirection = (typeof CES_DIRECTIONS)[number];
export const DEFAULT_CES_DIRECTION: CesDirection = 'higher_is_easier';
/** The direction of a run whose run-summary.json records none: runs before the setting read CES as effort. */
export const UNRECORDED_CES_DIRECTION: CesDirection = 'lower_is_easier';

/**
 * Which way a score gets worse: −1 when a lower score is worse (NPS, CSAT, CES read as ease), +1 when a higher one
 * is (CES read as effort). A theme that makes the score worse has `worseDirection(metric, ces) · impact > 0`.
 */
export function worseDirection(metric: HeadlineMetric, ces: CesDirection): -1 | 1 {
  return metric === 'ces' && ces === 'lower_is_easier' ? 1 : -1;
}

/** How a score is read in words: NPS, CSAT, CES as ease (higher is easier) or as effort (lower is easier). */
export type ScoreReading = 'nps' | 'csat' | 'ces_ease' | 'ces_effort';

export function scoreReading(metric: HeadlineMetric, ces: CesDirection): ScoreReading {
  if (metric !== 'ces') return metric;
  return ces === 'higher_is_easier' ? 'ces_ease' : 'ces_effort';
}

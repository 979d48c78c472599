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
 * Which way each score gets worse: −1 when a lower score is worse (NPS, CSAT), +1 when a higher one is (CES:
 * more effort). A theme that makes the score worse has `WORSE_DIRECTION[metric] · impact > 0`.
 */
export const WORSE_DIRECTION: Readonly<Record<HeadlineMetric, -1 | 1>> = { nps: -1, csat: -1, ces: 1 };

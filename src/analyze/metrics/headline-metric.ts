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

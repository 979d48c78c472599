/**
 * One answer of the competitive benchmark survey as the analyses see it: the brand it is about, our own
 * brand or a competitor's, its quarter and segment, its NPS indicator and its attribute ratings.
 */
export interface BenchmarkAnswer {
  readonly brand: string;
  readonly role: 'own' | 'competitor';
  /** first day of the answer's quarter, YYYY-MM-DD */
  readonly quarter: string;
  /** the panel member's segment, or null */
  readonly segment: string | null;
  /** likelihood to recommend, 0-10 */
  readonly score: number;
  /** ratings[k] for attribute k of the benchmark's attributes; null when not rated */
  readonly ratings: ReadonlyArray<number | null>;
}

/** A respondent's contribution to NPS in points: +100 promoter, 0 passive, −100 detractor. */
export function npsPoints(score: number): number {
  return score >= 9 ? 100 : score >= 7 ? 0 : -100;
}

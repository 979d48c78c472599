/**
 * One answer of the competitive benchmark survey as the analyses see it: the brand it is about, our own
 * brand or a competitor's, its quarter and segment, its 0-10 score and its attribute ratings.
 */
export { npsPoints } from '../stats/clustered-nps.ts';

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

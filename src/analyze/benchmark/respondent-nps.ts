/**
 * NPS of a set of panel answers with its respondent-level margin. Benchmark panels have no accounts, so
 * each answer is its own cluster: clusteredNps with c = n, i.e. var = n / (n − 1) · Σ (y_i − ȳ)² / n².
 */
import { clusteredNps } from '../stats/clustered-nps.ts';

export interface RespondentNps {
  readonly n: number;
  /** points, −100..100 */
  readonly nps: number;
  /** points */
  readonly se: number;
}

export const Z95 = 1.959963984540054;

export function respondentNps(scores: readonly number[]): RespondentNps {
  const e = clusteredNps(scores.map((score, i) => ({ cluster: String(i), score })));
  return { n: e.n, nps: e.nps, se: e.se };
}

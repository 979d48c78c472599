/**
 * The verbatim explorer's benchmark scenarios, shared by bench/explorer-bench.ts (embedded verbatims) and
 * bench/serve-bench.ts (a served run): each a control of the explorer set the way a user sets it (its value, then
 * its input or change event), with the median / p95 helpers both print with, against the goal of 300 ms.
 */
export const GOAL_MS = 300;

export interface Step { readonly id: string; readonly value: string; readonly event: 'input' | 'change' }
/** The second option of the theme, segment and ARR band lists (the first is "All"), read from the page. */
export interface ScenarioOptions { theme: string; segment: string; arrBand: string }

export const SCENARIOS: ReadonlyArray<{ name: string; steps: (opts: ScenarioOptions) => Step[] }> = [
  { name: 'search, French word typed without accents', steps: () => [{ id: 'explorer-search', value: 'decu', event: 'input' }] },
  { name: 'search, two English words', steps: () => [{ id: 'explorer-search', value: 'invoice wrong', event: 'input' }] },
  { name: 'search, one letter (most rows match)', steps: () => [{ id: 'explorer-search', value: 'e', event: 'input' }] },
  { name: 'theme', steps: (o) => [{ id: 'explorer-theme', value: o.theme, event: 'change' }] },
  { name: 'mention sentiment', steps: () => [{ id: 'explorer-sentiment', value: 'negative', event: 'change' }] },
  { name: 'NPS category', steps: () => [{ id: 'explorer-nps-category', value: 'detractor', event: 'change' }] },
  { name: 'segment', steps: (o) => [{ id: 'explorer-segment', value: o.segment, event: 'change' }] },
  { name: 'ARR band', steps: (o) => [{ id: 'explorer-arr-band', value: o.arrBand, event: 'change' }] },
  { name: 'period (from date)', steps: () => [{ id: 'explorer-from', value: '2026-08-01', event: 'change' }] },
  { name: 'sort by ARR (all rows)', steps: () => [{ id: 'explorer-sort', value: 'arr-desc', event: 'change' }] },
  { name: 'sort by NPS (all rows)', steps: () => [{ id: 'explorer-sort', value: 'nps-asc', event: 'change' }] },
];

/** The ids of the selects the scenario options are read from, in ScenarioOptions order. */
export const OPTION_SELECTS = ['explorer-theme', 'explorer-segment', 'explorer-arr-band'] as const;

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const stats = (xs: readonly number[]): { median: number; p95: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95) };
};

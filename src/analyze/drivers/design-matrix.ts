/**
 * The churn model's design: one presence column per theme mentioned negatively (and positively,
 * when configured), NPS band (reference: passive), segment (reference: the most common), ARR band
 * (reference: the most common known band), optionally theme × log ARR interactions (a negative
 * mention's effect on churn may grow or shrink with account size: one column per theme, the
 * mention times ln ARR centred on the training accounts' mean, 0 without ARR; kept when at least
 * `minInteractionAccounts` training accounts with ARR mention the theme) and tenure in years
 * (missing tenure imputed with the mean, plus an indicator). The spec is built on the training units and applied unchanged to the
 * accounts scored, so both matrices have the same columns.
 */
import { npsBand, type ChurnUnit, type NpsBand } from './churn-units.ts';
import { compareText } from './compare-text.ts';

export type DesignKind = 'theme-negative' | 'theme-log-arr' | 'theme-positive' | 'nps-band' | 'segment' | 'arr-band' | 'tenure' | 'tenure-unknown';

export interface DesignColumn {
  readonly name: string;
  readonly kind: DesignKind;
  /** theme id, band or segment the column stands for */
  readonly level: string;
  /** the reference level it is compared with (categorical columns) */
  readonly reference: string | null;
  readonly value: (u: ChurnUnit) => number;
}

export interface DesignSpec {
  readonly columns: readonly DesignColumn[];
}

export interface DesignOptions {
  readonly themes: readonly string[];
  readonly includePositive: boolean;
  readonly arrBands: readonly number[];
  readonly useTenure: boolean;
  /** theme × log ARR interaction columns (default off) */
  readonly themeArrInteractions?: boolean;
  /** an interaction column needs at least this many training accounts with it (default 30) */
  readonly minInteractionAccounts?: number;
}

function compact(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(2)}k`;
  return `${v}`;
}

/** ARR band label: 'under 25k', '25k-100k', ..., '500k and over'; 'unknown' without ARR. */
export function arrBand(arr: number, bands: readonly number[]): string {
  return arrBandLabels(bands)[arrBandIndex(arr, bands)];
}

/** Position of the ARR's band: 0 .. bands.length (the open top band), bands.length + 1 = unknown. */
export function arrBandIndex(arr: number, bands: readonly number[]): number {
  if (!Number.isFinite(arr)) return bands.length + 1;
  for (let i = 0; i < bands.length; i++) if (arr < bands[i]) return i;
  return bands.length;
}

const labelCache = new WeakMap<readonly number[], readonly string[]>();

/** Labels of the band positions (arrBandIndex), computed once per bands array. */
export function arrBandLabels(bands: readonly number[]): readonly string[] {
  let labels = labelCache.get(bands);
  if (labels === undefined) {
    labels = [
      ...bands.map((b, i) => (i === 0 ? `under ${compact(b)}` : `${compact(bands[i - 1])}-${compact(b)}`)),
      `${compact(bands[bands.length - 1])} and over`,
      'unknown',
    ];
    labelCache.set(bands, labels);
  }
  return labels;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0] ?? '';
}

export function buildDesignSpec(train: readonly ChurnUnit[], o: DesignOptions): DesignSpec {
  const columns: DesignColumn[] = [];
  for (const theme of o.themes) {
    columns.push({ name: `theme:${theme}:negative`, kind: 'theme-negative', level: theme, reference: null, value: (u) => (u.negativeThemes.includes(theme) ? 1 : 0) });
  }
  if (o.includePositive) {
    for (const theme of o.themes) {
      columns.push({ name: `theme:${theme}:positive`, kind: 'theme-positive', level: theme, reference: null, value: (u) => (u.positiveThemes.includes(theme) ? 1 : 0) });
    }
  }
  const bands: NpsBand[] = ['detractor', 'promoter', 'no_response'];
  for (const band of bands) columns.push({ name: `nps_band:${band}`, kind: 'nps-band', level: band, reference: 'passive', value: (u) => (npsBand(u) === band ? 1 : 0) });
  const segments = [...new Set(train.map((u) => u.segment))].sort(compareText);
  const segmentRef = mostCommon(train.map((u) => u.segment));
  for (const segment of segments.filter((s) => s !== segmentRef)) {
    columns.push({ name: `segment:${segment}`, kind: 'segment', level: segment, reference: segmentRef, value: (u) => (u.segment === segment ? 1 : 0) });
  }
  const labels = arrBandLabels(o.arrBands);
  const known = train.map((u) => arrBand(u.arr, o.arrBands)).filter((b) => b !== 'unknown');
  const bandRef = known.length > 0 ? mostCommon(known) : labels[0];
  labels.forEach((label, band) => {
    if (label === bandRef) return;
    columns.push({ name: `arr_band:${label}`, kind: 'arr-band', level: label, reference: bandRef, value: (u) => (arrBandIndex(u.arr, o.arrBands) === band ? 1 : 0) });
  });
  if (o.themeArrInteractions === true) {
    const min = o.minInteractionAccounts ?? 30;
    const logs = train.filter((u) => Number.isFinite(u.arr) && u.arr > 0).map((u) => Math.log(u.arr));
    const centre = logs.length > 0 ? logs.reduce((a, b) => a + b, 0) / logs.length : 0;
    for (const theme of o.themes) {
      const value = (u: ChurnUnit): number => (u.negativeThemes.includes(theme) && Number.isFinite(u.arr) && u.arr > 0 ? Math.log(u.arr) - centre : 0);
      if (train.filter((u) => u.negativeThemes.includes(theme) && Number.isFinite(u.arr) && u.arr > 0).length < min) continue;
      columns.push({ name: `theme:${theme}:negative×log_arr`, kind: 'theme-log-arr', level: theme, reference: null, value });
    }
  }
  if (o.useTenure) {
    const known = train.filter((u) => Number.isFinite(u.tenureYears));
    if (known.length > 0) {
      const mean = known.reduce((s, u) => s + u.tenureYears, 0) / known.length;
      columns.push({ name: 'tenure_years', kind: 'tenure', level: 'years', reference: null, value: (u) => (Number.isFinite(u.tenureYears) ? u.tenureYears : mean) });
      columns.push({ name: 'tenure_unknown', kind: 'tenure-unknown', level: 'unknown', reference: null, value: (u) => (Number.isFinite(u.tenureYears) ? 0 : 1) });
    }
  }
  return { columns };
}

/** Row-major n×k matrix of the spec's columns. */
export function designMatrix(spec: DesignSpec, units: readonly ChurnUnit[]): Float64Array {
  const k = spec.columns.length;
  const x = new Float64Array(units.length * k);
  units.forEach((u, i) => spec.columns.forEach((c, j) => (x[i * k + j] = c.value(u))));
  return x;
}

/**
 * What every ecoute chart shares: the named data source the rows are bound to, the title block,
 * the size and a quiet theme. Builders return specs whose data is `{ name: DATA_NAME }`;
 * `withInlineData` puts the rows in, so a builder never sees a row value.
 */
import type { TopLevelSpec } from 'vega-lite';

export const DATA_NAME = 'rows';
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const CHART_WIDTH = 440;
export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export type ChartValue = string | number | boolean | null;
export type ChartRow = Readonly<Record<string, ChartValue>>;

export const COLORS = {
  negative: '#c0392b',
  neutral: '#b8b8b8',
  positive: '#2e8b57',
  main: '#2c5d8f',
  band: '#9dbbd9',
  muted: '#8a8a8a',
  target: '#d35400',
} as const;

export interface TitleText {
  readonly title: string;
  readonly subtitle: string;
}

/** A subtitle as lines of at most `width` characters, broken between words (a long subtitle would widen its chart). */
export function wrapLines(text: string, width = 62): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The head of a top-level spec: schema, title, data placeholder, config. */
export function specHead(text: TitleText): Pick<TopLevelSpec, '$schema' | 'title' | 'data' | 'config' | 'background' | 'padding'> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: text.title, subtitle: wrapLines(text.subtitle), anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
    data: { name: DATA_NAME },
    background: 'white',
    padding: 8,
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#ececec' },
      legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal', labelLimit: 260, titleLimit: 300 },
    },
  };
}

/** A string as a Vega expression literal (JSON quoting is valid expression syntax). */
export function exprString(s: string): string {
  return JSON.stringify(s);
}

/** A copy of the spec with the rows inline instead of the named placeholder. */
export function withInlineData(spec: TopLevelSpec, rows: readonly ChartRow[]): TopLevelSpec {
  return { ...spec, data: { values: rows.map((r) => ({ ...r })) } } as TopLevelSpec;
}

/** d3 number and time locales for French charts (decimal comma, French month names). */
export const FRENCH_LOCALE = {
  number: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%' },
  time: {
    dateTime: '%A %e %B %Y à %X', date: '%d/%m/%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
};

/** d3's currency prefix and suffix for a currency in a language (Intl's symbol and side): EUR → ['€', ''] in English, ['', ' €'] in French. */
export function currencyAffixes(currency: string, lang: 'en' | 'fr'): [string, string] {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).formatToParts(1);
  } catch {
    return ['', `\u00a0${currency}`];
  }
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = parts[at]?.value ?? currency;
  const first = parts.findIndex((p) => p.type === 'integer');
  return at < first ? [symbol, ''] : ['', `\u00a0${symbol}`];
}

/**
 * The spec with the language's number and time locale in its config, its currency the run's
 * (so a '$' format prints €15.2M / 15,2 M €).
 */
export function withLocale(spec: TopLevelSpec, lang: 'en' | 'fr', currency = 'EUR'): TopLevelSpec {
  const number = lang === 'en'
    ? { decimal: '.', thousands: ',', grouping: [3], currency: currencyAffixes(currency, lang) }
    : { ...FRENCH_LOCALE.number, currency: currencyAffixes(currency, lang) };
  const locale = lang === 'en' ? { number } : { ...FRENCH_LOCALE, number };
  return { ...spec, config: { ...spec.config, locale } } as TopLevelSpec;
}

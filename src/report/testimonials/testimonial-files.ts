/**
 * The administrator's review files of a testimonial selection (pure): a CSV (RFC 4180 quoting, formula
 * characters neutralised) and a small HTML fragment (every value escaped, no script) with the 20 % rule's
 * verdict above the quotes.
 */
import { escapeHtml } from '../executive/report-document.ts';
import type { NegativeShareCheck } from './negative-share-rule.ts';

export interface Testimonial {
  readonly response_id: string;
  readonly date: string;
  readonly segment: string;
  readonly nps: number;
  readonly language: string | null;
  /** PII-redacted */
  readonly text: string;
  /** the run's verbatim sentiment */
  readonly sentiment: string | null;
}

export const TESTIMONIAL_COLUMNS = ['response_id', 'date', 'segment', 'nps', 'language', 'sentiment', 'text'] as const;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function testimonialsCsv(rows: readonly Testimonial[]): string {
  const lines = [TESTIMONIAL_COLUMNS.join(','), ...rows.map((r) => TESTIMONIAL_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

const WORDS = {
  en: { title: 'Testimonials for review', ok: (n: number, t: number) => `${n} negative of ${t}: under 20 %, the selection may be published after review.`, bad: (n: number, t: number) => `${n} negative of ${t}: 20 % or more — do not publish this selection as it is.`, nps: 'NPS' },
  fr: { title: 'Témoignages à relire', ok: (n: number, t: number) => `${n} négatif(s) sur ${t} : moins de 20 %, la sélection peut être publiée après relecture.`, bad: (n: number, t: number) => `${n} négatif(s) sur ${t} : 20 % ou plus — ne pas publier cette sélection en l’état.`, nps: 'NPS' },
} as const;

export function testimonialsHtml(rows: readonly Testimonial[], check: NegativeShareCheck, lang: 'en' | 'fr'): string {
  const w = WORDS[lang];
  const quotes = rows.map((r) => `<blockquote data-response="${escapeHtml(r.response_id)}"${r.sentiment === 'negative' ? ' class="negative"' : ''}><p>${escapeHtml(r.text)}</p><footer>${escapeHtml(r.segment)} · ${escapeHtml(r.date)} · ${w.nps} ${r.nps}</footer></blockquote>`);
  return `<section class="ecoute-testimonials" lang="${lang}">
<h2>${escapeHtml(w.title)}</h2>
<p class="${check.ok ? 'rule-ok' : 'rule-failed'}">${escapeHtml(check.ok ? w.ok(check.negative, check.total) : w.bad(check.negative, check.total))}</p>
${quotes.join('\n')}
</section>
`;
}

/**
 * `ecoute testimonials <run-dir>`: the consented promoter verbatims a page would show, PII-redacted, with
 * segment and date and no personal name, written as testimonials-<lang>.csv and testimonials-<lang>.html for
 * an administrator to review; then the 20 % rule is checked on that selection. Refuses (nothing written)
 * when the run recorded no consent at all. Consent is strict: only a recorded yes is exported.
 */
import { join } from 'node:path';
import { openRun } from '../../charts/open-run.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { redactPii } from '../../classify/pii/redact-pii.ts';
import { EcouteError } from '../../run/errors.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { checkNegativeShare, type NegativeShareCheck } from './negative-share-rule.ts';
import { testimonialsCsv, testimonialsHtml, type Testimonial } from './testimonial-files.ts';

export interface TestimonialOptions {
  readonly outDir: string;
  /** only testimonials in this language, and review files in it (default: every language, files in English) */
  readonly lang?: 'en' | 'fr';
  /** lowest NPS of a testimonial (default 9: promoters) */
  readonly minNps?: number;
  /** testimonials a page shows (default 12) */
  readonly limit?: number;
}

export interface TestimonialResult {
  readonly files: string[];
  readonly consentRecorded: number;
  readonly consented: number;
  readonly exported: number;
  readonly rule: NegativeShareCheck;
}

/**
 * The one function a testimonial's text goes through before it leaves DuckDB (the same redaction as the
 * call-back list and the report; a stronger one, e.g. of person names, is switched here).
 */
export const redactTestimonial = redactPii;

export async function exportTestimonials(runDir: string, opts: TestimonialOptions): Promise<TestimonialResult> {
  const run = await openRun(runDir);
  try {
    const conn = run.db.connection;
    if (!run.tables.get('responses')?.has('consent')) throw new EcouteError(`${runDir}: this run has no consent column (it was made by an earlier version of ecoute): nothing exported`);
    const counts = (await conn.runAndReadAll(sqlFile('report/count-consent'))).getRowObjectsJson()[0] ?? {};
    const recorded = Number(counts.recorded ?? 0);
    if (recorded === 0) {
      throw new EcouteError(`${runDir}: no response records a testimonial consent (map the consent column in sources.responses.columns): nothing exported`);
    }
    if (!run.tables.has('verbatim_sentiment')) throw new EcouteError(`${runDir}: the run has no verbatim_sentiment, so the 20 % rule on negative testimonials cannot be checked: nothing exported`);
    const rows = (await conn.runAndReadAll(sqlFile('report/select-testimonials'), {
      min_nps: opts.minNps ?? 9, lang: opts.lang ?? '', limit: opts.limit ?? 12, as_of: run.summary.asOf,
    })).getRowObjectsJson();
    const selection: Testimonial[] = rows.map((r) => ({
      response_id: String(r.response_id), date: String(r.date), segment: String(r.segment), nps: Number(r.nps),
      language: r.language === null ? null : String(r.language), text: redactTestimonial(String(r.verbatim)),
      sentiment: r.sentiment_label === null ? null : String(r.sentiment_label),
    }));
    const rule = checkNegativeShare(selection.map((s) => s.sentiment));
    const name = opts.lang === undefined ? 'testimonials' : `testimonials-${opts.lang}`;
    const csv = join(opts.outDir, `${name}.csv`);
    const html = join(opts.outDir, `${name}.html`);
    writeFileAtomic(csv, testimonialsCsv(selection));
    writeFileAtomic(html, testimonialsHtml(selection, rule, opts.lang ?? 'en'));
    return { files: [csv, html], consentRecorded: recorded, consented: Number(counts.consented ?? 0), exported: selection.length, rule };
  } finally {
    run.close();
  }
}

/** Human output of `ecoute testimonials`, and the message of a selection that breaks the 20 % rule. */
import type { TestimonialResult } from '../report/testimonials/export-testimonials.ts';
import type { NegativeShareCheck } from '../report/testimonials/negative-share-rule.ts';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function testimonialRuleMessage(rule: NegativeShareCheck): string {
  return `${rule.negative} of the ${rule.total} testimonials a page would show are negative (${pct(rule.share)}): published testimonials need under 20 % negative ones; review the selection before publishing`;
}

export function formatTestimonials(r: TestimonialResult): string {
  return [
    `consent recorded on ${r.consentRecorded} responses, yes on ${r.consented}`,
    `${r.exported} testimonials exported (consented promoters only, PII-redacted, segment and date, no names)`,
    `negative: ${r.rule.negative} of ${r.rule.total} (${pct(r.rule.share)}) — ${r.rule.ok ? 'under 20 %: ok' : '20 % or more: rule broken'}`,
    ...r.files,
  ].join('\n');
}

/**
 * The guide's rule for published testimonials: they add credibility "quand il existe toutefois moins de
 * 20 % de témoignages négatifs" — the selection a page would show must hold strictly under 20 % negative
 * testimonials. Negative = the run's verbatim sentiment of the testimonial is negative.
 *
 * **Example:** 2 negative of 10 → share 0.2, not under 20 %: the rule fails.
 */
export const MAX_NEGATIVE_SHARE = 0.2;

export interface NegativeShareCheck {
  readonly total: number;
  readonly negative: number;
  readonly share: number;
  readonly ok: boolean;
}

export function checkNegativeShare(labels: ReadonlyArray<string | null>, maxShare = MAX_NEGATIVE_SHARE): NegativeShareCheck {
  const total = labels.length;
  const negative = labels.filter((l) => l === 'negative').length;
  const share = total === 0 ? 0 : negative / total;
  return { total, negative, share, ok: share < maxShare };
}

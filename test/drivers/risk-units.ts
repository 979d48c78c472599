/** Generated churn units for the ARR-at-risk tests: three themes, billing planted (+1.1 on the logit), support weaker, segments alternating (SMB, Ent by default); some accounts without ARR, tenure or NPS. */
import { createRng } from '../../src/util/random.ts';
import type { ChurnUnit } from '../../src/analyze/drivers/churn-units.ts';

export const THEMES = ['billing', 'onboarding', 'support'];

export function units(seed: number, n: number, kind: 'train' | 'score', segments: readonly string[] = ['SMB', 'Ent']): ChurnUnit[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const negative = THEMES.filter((_, t) => rng.chance(0.2 + 0.1 * t));
    const meanNps = rng.chance(0.1) ? Number.NaN : rng.int(11);
    const eta = -1.6 + (negative.includes('billing') ? 1.1 : 0) + (negative.includes('support') ? 0.3 : 0) + (meanNps < 7 ? 0.5 : 0);
    return {
      unit: kind, accountId: `${kind}${i}`, refDate: '2026-01-01', churned: kind === 'train' ? (rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0) : null,
      segment: segments[i % segments.length], owner: 'O', arr: i % 11 === 0 ? Number.NaN : [8000, 30_000, 120_000][rng.int(3)],
      tenureYears: i % 5 === 0 ? Number.NaN : 1 + (i % 2), npsResponses: Number.isNaN(meanNps) ? 0 : 1, meanNps,
      negativeThemes: negative, positiveThemes: [], anyThemes: negative,
    };
  });
}

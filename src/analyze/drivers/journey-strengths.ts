/**
 * `journey_strengths_weaknesses`: at each journey stage, the themes whose negative mentions cost
 * the most NPS (weaknesses) and whose positive mentions add the most (strengths), from theme_impact.
 * `worse` (worseDirection of the driver score): −1 when a lower score is worse, +1 for CES read as effort (more effort).
 */
import type { TableColumns, TableRow } from './write-rows.ts';
import { compareText } from './compare-text.ts';

export const JOURNEY_COLUMNS: TableColumns = {
  journey_stage: 'VARCHAR', kind: 'VARCHAR', rank: 'BIGINT', theme_id: 'VARCHAR', theme_label: 'VARCHAR',
  n_with: 'BIGINT', frequency: 'DOUBLE', impact: 'DOUBLE', impact_ci_low: 'DOUBLE', impact_ci_high: 'DOUBLE',
  significant: 'BOOLEAN', small_n: 'BOOLEAN',
};

export function journeyStrengthsWeaknesses(themeImpact: readonly TableRow[], perKind = 3, worse: -1 | 1 = -1): TableRow[] {
  const stages = [...new Set(themeImpact.filter((r) => r.dimension === 'journey_stage').map((r) => String(r.dimension_value)))].sort(compareText);
  const out: TableRow[] = [];
  for (const stage of stages) {
    const rows = themeImpact.filter((r) => r.dimension === 'journey_stage' && r.dimension_value === stage);
    const pick = (kind: 'strength' | 'weakness'): void => {
      const sign = kind === 'strength' ? -worse : worse;
      rows
        .filter((r) => r.sentiment === (kind === 'strength' ? 'positive' : 'negative') && typeof r.impact === 'number' && sign * r.impact > 0)
        .sort((a, b) => sign * ((b.impact as number) - (a.impact as number)) || compareText(String(a.theme_id), String(b.theme_id)))
        .slice(0, perKind)
        .forEach((r, i) => out.push({
          journey_stage: stage, kind, rank: i + 1, theme_id: r.theme_id, theme_label: r.theme_label, n_with: r.n_with,
          frequency: r.frequency, impact: r.impact, impact_ci_low: r.impact_ci_low, impact_ci_high: r.impact_ci_high,
          significant: r.significant, small_n: r.small_n,
        }));
    };
    pick('weakness');
    pick('strength');
  }
  return out;
}

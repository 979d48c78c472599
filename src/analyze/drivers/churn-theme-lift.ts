/**
 * `churn_theme_lift`: churn rate of the training accounts (each account's latest renewal decision,
 * the churn model's sample) that mentioned a theme (negatively, or at all) in the window before
 * their renewal decision vs those that did not: Wilson intervals on each rate, Newcombe interval on
 * the difference, Katz interval on the ratio (lift), z-test, and the Benjamini–Hochberg q-value
 * over the family of the row (the themes of one sentiment); `significant` = q < the FDR level.
 * Accounts here are training accounts, not the active accounts of dissatisfier_ranking: the
 * column names say so.
 */
import { benjaminiHochbergQValues, proportionLift, wilsonInterval } from '../stats/index.ts';
import type { ChurnUnit } from './churn-units.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const CHURN_LIFT_COLUMNS: TableColumns = {
  theme_id: 'VARCHAR', theme_label: 'VARCHAR', sentiment: 'VARCHAR',
  training_accounts_with: 'BIGINT', churned_with: 'BIGINT', churn_rate_with: 'DOUBLE', churn_rate_with_ci_low: 'DOUBLE', churn_rate_with_ci_high: 'DOUBLE',
  training_accounts_without: 'BIGINT', churned_without: 'BIGINT', churn_rate_without: 'DOUBLE', churn_rate_without_ci_low: 'DOUBLE', churn_rate_without_ci_high: 'DOUBLE',
  difference: 'DOUBLE', difference_ci_low: 'DOUBLE', difference_ci_high: 'DOUBLE',
  lift: 'DOUBLE', lift_ci_low: 'DOUBLE', lift_ci_high: 'DOUBLE', p_value: 'DOUBLE', q_value: 'DOUBLE', significant: 'BOOLEAN', small_n: 'BOOLEAN',
};

export function churnThemeLift(train: readonly ChurnUnit[], themes: readonly string[], label: (id: string) => string, level: number, minN: number, fdrLevel: number): TableRow[] {
  const rows: TableRow[] = [];
  for (const theme of themes) {
    for (const sentiment of ['negative', 'any'] as const) {
      const has = (u: ChurnUnit): boolean => (sentiment === 'negative' ? u.negativeThemes : u.anyThemes).includes(theme);
      let n1 = 0;
      let x1 = 0;
      let n0 = 0;
      let x0 = 0;
      for (const u of train) {
        if (has(u)) { n1++; x1 += u.churned ?? 0; } else { n0++; x0 += u.churned ?? 0; }
      }
      const w1 = wilsonInterval(x1, n1, level);
      const w0 = wilsonInterval(x0, n0, level);
      const lift = n1 > 0 && n0 > 0 ? proportionLift({ events: x1, total: n1 }, { events: x0, total: n0 }, level) : undefined;
      rows.push({
        theme_id: theme, theme_label: label(theme), sentiment,
        training_accounts_with: n1, churned_with: x1, churn_rate_with: n1 > 0 ? x1 / n1 : Number.NaN, churn_rate_with_ci_low: w1.low, churn_rate_with_ci_high: w1.high,
        training_accounts_without: n0, churned_without: x0, churn_rate_without: n0 > 0 ? x0 / n0 : Number.NaN, churn_rate_without_ci_low: w0.low, churn_rate_without_ci_high: w0.high,
        difference: lift?.difference ?? Number.NaN, difference_ci_low: lift?.differenceInterval.low ?? Number.NaN, difference_ci_high: lift?.differenceInterval.high ?? Number.NaN,
        lift: lift?.ratio ?? Number.NaN, lift_ci_low: lift?.ratioInterval.low ?? Number.NaN, lift_ci_high: lift?.ratioInterval.high ?? Number.NaN,
        p_value: lift?.pValue ?? Number.NaN, q_value: Number.NaN, significant: false, small_n: n1 < minN,
      });
    }
  }
  for (const sentiment of ['negative', 'any']) {
    const family = rows.filter((r) => r.sentiment === sentiment);
    const q = benjaminiHochbergQValues(family.map((r) => r.p_value as number));
    family.forEach((r, i) => Object.assign(r, { q_value: q[i], significant: q[i] < fdrLevel }));
  }
  return rows;
}

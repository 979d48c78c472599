/**
 * Churn units read column by column equal the rows of select-churn-features read as JSON objects.
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile, querySqlFile } from '../../src/db/sql-file.ts';
import { loadChurnUnits } from '../../src/analyze/drivers/churn-units.ts';
import { loadFixture } from './fixture.ts';
import { smallCompany } from './small-company.ts';

describe('churn units', () => {
  it('match the JSON rows of the feature query, field by field (missing ARR and tenure as NaN)', async () => {
    const db = await openDatabase();
    await loadFixture(db.connection, smallCompany({ arrMissingEvery: 5 }));
    await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2026-06-30', window_days: 0 });
    await runSqlFile(db.connection, 'drivers/create-scope-mentions');
    const options = { asOf: '2026-06-30', windowDays: 365, downgradeIsChurn: false, tenureSource: 'first_revenue_period' as const, coveredFrom: '0001-01-01' };
    const units = await loadChurnUnits(db.connection, options);
    const rows = await querySqlFile(db.connection, 'drivers/select-churn-features', { window_days: 365, tenure_source: 'first_revenue_period' });
    const n = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));
    expect(units.length).toBe(rows.length);
    expect(units.filter((u) => u.unit === 'train').length).toBeGreaterThan(100);
    expect(units.some((u) => Number.isNaN(u.arr))).toBe(true);
    expect(units.some((u) => u.negativeThemes.length > 0)).toBe(true);
    units.forEach((u, i) => {
      const r = rows[i] ?? {};
      expect(u).toEqual({
        unit: r.unit, accountId: r.account_id, refDate: r.ref_date, churned: r.churned === null ? null : n(r.churned),
        segment: r.segment, owner: r.owner, arr: n(r.arr), tenureYears: n(r.tenure_years), npsResponses: n(r.nps_responses), meanNps: n(r.mean_nps),
        negativeThemes: r.negative_themes, positiveThemes: r.positive_themes, anyThemes: r.any_themes,
      });
    });
    db.close();
  });
});

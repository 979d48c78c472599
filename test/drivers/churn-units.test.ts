/**
 * Churn units read column by column, themes decoded from bit strings, equal the features computed
 * independently: the scalar columns of the feature query read as JSON objects, and each unit's
 * theme lists from a plain list(DISTINCT …) over its window.
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { loadChurnUnits, themesOfBits } from '../../src/analyze/drivers/churn-units.ts';
import { loadFixture } from './fixture.ts';
import { smallCompany } from './small-company.ts';

const REFERENCE = `
SELECT u.unit, u.account_id, any_value(a.segment) AS segment, any_value(v.arr) AS arr,
  coalesce(list(DISTINCT m.theme_id ORDER BY m.theme_id) FILTER (WHERE m.sentiment = 'negative'), []) AS negative,
  coalesce(list(DISTINCT m.theme_id ORDER BY m.theme_id) FILTER (WHERE m.sentiment = 'positive'), []) AS positive,
  coalesce(list(DISTINCT m.theme_id ORDER BY m.theme_id) FILTER (WHERE m.sentiment = 'any'), []) AS any,
  count(DISTINCT r.response_id) FILTER (WHERE r.nps IS NOT NULL) AS nps_responses
FROM drivers_churn_units u
LEFT JOIN drivers_accounts a ON a.account_id = u.account_id
LEFT JOIN (SELECT account_id, arg_max(arr, period) AS arr FROM revenue GROUP BY account_id) v ON v.account_id = u.account_id
LEFT JOIN responses r ON r.account_id = u.account_id AND r.submitted_at < u.ref_date AND r.submitted_at >= u.ref_date - INTERVAL 365 DAY
LEFT JOIN drivers_mentions m ON m.response_id = r.response_id
GROUP BY ALL ORDER BY u.unit DESC, u.account_id`;

describe('churn units', () => {
  it('match an independent computation of every unit\'s features and theme lists', async () => {
    const db = await openDatabase();
    await loadFixture(db.connection, smallCompany({ arrMissingEvery: 5 }));
    await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2026-06-30', window_days: 0, metric: 'nps' });
    await runSqlFile(db.connection, 'drivers/create-scope-mentions');
    const themes = ['billing', 'support', 'unmentioned'];
    const units = await loadChurnUnits(db.connection, {
      asOf: '2026-06-30', windowDays: 365, downgradeIsChurn: false, tenureSource: 'first_revenue_period', coveredFrom: '0001-01-01', themes,
    });
    const rows = (await db.connection.runAndReadAll(REFERENCE)).getRowObjectsJson();
    expect(units.length).toBe(rows.length);
    expect(units.filter((u) => u.unit === 'train').length).toBeGreaterThan(100);
    expect(units.some((u) => Number.isNaN(u.arr))).toBe(true);
    expect(units.filter((u) => u.negativeThemes.includes('billing')).length).toBeGreaterThan(5);
    expect(units.filter((u) => u.anyThemes.includes('support')).length).toBeGreaterThan(5);
    units.forEach((u, i) => {
      const r = rows[i] ?? {};
      expect([u.unit, u.accountId, u.segment]).toEqual([r.unit, r.account_id, r.segment]);
      expect(u.arr).toEqual(r.arr === null ? Number.NaN : Number(r.arr));
      expect(u.npsResponses).toBe(Number(r.nps_responses));
      expect([u.negativeThemes, u.positiveThemes, u.anyThemes]).toEqual([r.negative, r.positive, r.any]);
    });
    db.close();
  });

  it('decodes bit strings position by position', () => {
    expect(themesOfBits('0110', ['a', 'b', 'c', 'd'])).toEqual(['b', 'c']);
    expect(themesOfBits('1', ['a', 'b'])).toEqual(['a']);
    expect(themesOfBits('', ['a'])).toEqual([]);
  });
});

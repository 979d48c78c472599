import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, csvText, defaultResponses, quarantineLines, queryOut, reconciliation, responsesCsv, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
  fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
});
afterEach(() => fx.cleanup());

const accounts = (path = 'accounts.csv') => ({ path, columns: { account_id: 'account_id', name: 'name', segment: 'segment' } });
const ACCOUNTS_HEADER = ['account_id', 'name', 'segment'];

describe('accounts', () => {
  it('an unknown account is quarantined; with unknown_accounts: keep it is accepted', async () => {
    fx.write('accounts.csv', csvText([ACCOUNTS_HEADER, ['a1', 'Acme', 'SMB']]));
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', ''], ['r2', 'c2', 'zz9', '2024-05-02', '7', '']]));
    fx.pipeline({ sources: { responses: defaultResponses(), accounts: accounts() } });
    const strict = await fx.run('strict');
    expect(await quarantineLines(strict.outDir)).toEqual([[3, 'unknown_account', 'account_id', 'zz9']]);
    fx.pipeline({ sources: { responses: defaultResponses(), accounts: accounts() }, settings: { unknown_accounts: 'keep' } });
    const lenient = await fx.run('lenient');
    expect(await reconciliation(lenient)).toEqual([2, 2, 0]);
  });

  it('an account in two CRM exports: different segment = conflicting_record, identical = duplicate_id, the last export wins', async () => {
    fx.write('crm/accounts-2024-04.csv', csvText([ACCOUNTS_HEADER, ['a1', 'Acme', 'SMB'], ['a2', 'Beta', 'Mid']]));
    fx.write('crm/accounts-2024-05.csv', csvText([ACCOUNTS_HEADER, ['a2', 'Beta', 'Mid'], ['a1', 'Acme', 'Enterprise']]));
    fx.pipeline({ sources: { responses: defaultResponses(), accounts: accounts('crm/accounts-*.csv') } });
    const result = await fx.run();
    const q = await queryOut(result.outDir, "SELECT source_file, line::INTEGER AS line, reason_code, field, value FROM quarantine WHERE source = 'accounts' ORDER BY line");
    expect(q).toEqual([
      { source_file: 'crm/accounts-2024-04.csv', line: 2, reason_code: 'conflicting_record', field: 'segment', value: 'SMB' },
      { source_file: 'crm/accounts-2024-04.csv', line: 3, reason_code: 'duplicate_id', field: 'account_id', value: 'a2' },
    ]);
    expect(await queryOut(result.outDir, 'SELECT account_id, segment, _source_file, _line::INTEGER AS line FROM accounts ORDER BY account_id')).toEqual([
      { account_id: 'a1', segment: 'Enterprise', _source_file: 'crm/accounts-2024-05.csv', line: 3 },
      { account_id: 'a2', segment: 'Mid', _source_file: 'crm/accounts-2024-05.csv', line: 2 },
    ]);
    expect(await reconciliation(result, 'accounts')).toEqual([4, 2, 2]);
    expect(await reconciliation(result)).toEqual([1, 1, 0]);
  });
});

describe('revenue', () => {
  // French exports: "1 300,50" has a thousands separator, read only because the source declares number_locale: fr
  const revenue = { path: 'revenue.csv', number_locale: 'fr', columns: { account_id: 'account', period: 'month', arr: 'arr', currency: 'cur' } };
  const rows = [
    ['account', 'month', 'arr', 'cur'],
    ['a1', '2024-01-01', '1200', 'EUR'],
    ['a1', '2024-02-01', '"1 300,50"', 'eur'],
    ['a2', '2024-01-01', '-50', 'EUR'],
    ['a3', '2024-01-01', '1000', 'USD'],
    ['a4', '2024-01-01', 'n/a', 'EUR'],
    ['a1', '2024-01-01', '1250', 'EUR'],
  ];

  it('negative ARR, a USD row among EUR rows, a non-number and a repeated period are quarantined', async () => {
    fx.write('revenue.csv', csvText(rows));
    fx.pipeline({ sources: { responses: defaultResponses(), revenue } });
    const result = await fx.run();
    expect(result.summary.reportingCurrency).toBe('EUR');
    expect(await quarantineLines(result.outDir, 'revenue')).toEqual([
      [4, 'negative_value', 'arr', '-50'],
      [5, 'currency_mismatch', 'currency', 'USD'],
      [6, 'not_a_number', 'arr', 'n/a'],
      [7, 'duplicate_id', 'period', '2024-01-01'],
    ]);
    expect(await queryOut(result.outDir, 'SELECT account_id, arr, currency FROM revenue ORDER BY _line')).toEqual([
      { account_id: 'a1', arr: 1200, currency: 'EUR' },
      { account_id: 'a1', arr: 1300.5, currency: 'EUR' },
    ]);
    expect(await reconciliation(result, 'revenue')).toEqual([6, 2, 4]);
  });

  it('spaces and no-break spaces around values are trimmed; ARR thousands separators may be no-break spaces', async () => {
    const nbsp = '\u00a0';
    const nnbsp = '\u202f';
    fx.write('revenue.csv', csvText([['account', 'month', 'arr', 'cur'], [`${nbsp}a1 `, '2024-01-01', `12${nbsp}500`, ' eur'], ['a2', '2024-01-01', `"3${nnbsp}000,5"`, `EUR${nnbsp}`], ['a3', ' ', '10', 'EUR']]));
    fx.pipeline({ sources: { responses: defaultResponses(), revenue } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, 'SELECT account_id, arr, currency FROM revenue ORDER BY _line')).toEqual([
      { account_id: 'a1', arr: 12500, currency: 'EUR' },
      { account_id: 'a2', arr: 3000.5, currency: 'EUR' },
    ]);
    expect(await quarantineLines(result.outDir, 'revenue')).toEqual([[4, 'missing_date', 'period', null]]);
  });

  it('NaN, Infinity and overflowing ARR are not numbers', async () => {
    fx.write('revenue.csv', csvText([['account', 'month', 'arr', 'cur'], ['a1', '2024-01-01', 'NaN', 'EUR'], ['a2', '2024-01-01', 'Infinity', 'EUR'], ['a3', '2024-01-01', '1e400', 'EUR'], ['a4', '2024-01-01', '10', 'EUR']]));
    fx.pipeline({ sources: { responses: defaultResponses(), revenue } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir, 'revenue')).toEqual([
      [2, 'not_a_number', 'arr', 'NaN'],
      [3, 'not_a_number', 'arr', 'Infinity'],
      [4, 'not_a_number', 'arr', '1e400'],
    ]);
    expect(await reconciliation(result, 'revenue')).toEqual([4, 1, 3]);
  });

  it('a USD row is converted when fx_rates has USD', async () => {
    fx.write('revenue.csv', csvText(rows));
    fx.pipeline({ sources: { responses: defaultResponses(), revenue }, settings: { fx_rates: { USD: 0.9 } } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, "SELECT arr, currency FROM revenue WHERE account_id = 'a3'")).toEqual([{ arr: 900, currency: 'EUR' }]);
    expect((await quarantineLines(result.outDir, 'revenue')).map(([, reason]) => reason)).toEqual(['negative_value', 'not_a_number', 'duplicate_id']);
  });
});

describe('churn and invitations', () => {
  it('outcome synonyms are normalised; an unknown outcome is invalid_value', async () => {
    fx.write(
      'churn.csv',
      csvText([
        ['account', 'date', 'outcome'],
        ['a1', '2024-03-01', 'Lost'],
        ['a2', '2024-03-01', 'renouvelé'],
        ['a3', '2024-03-01', ' Downgrade '],
        ['a4', '2024-03-01', 'maybe'],
        ['a5', '2024-03-01', ''],
        ['a6', '2024-12-01', 'Churned'],
      ]),
    );
    fx.pipeline({ sources: { responses: defaultResponses(), churn: { path: 'churn.csv', columns: { account_id: 'account', date: 'date', outcome: 'outcome' } } } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, 'SELECT account_id, outcome FROM churn_events ORDER BY _line')).toEqual([
      { account_id: 'a1', outcome: 'churned' },
      { account_id: 'a2', outcome: 'renewed' },
      { account_id: 'a3', outcome: 'downgraded' },
    ]);
    expect(await quarantineLines(result.outDir, 'churn')).toEqual([
      [5, 'invalid_value', 'outcome', 'maybe'],
      [6, 'invalid_value', 'outcome', null],
      [7, 'future_date', 'date', '2024-12-01'],
    ]);
  });

  it('invitations dated after the as-of date are future_date', async () => {
    fx.write('invitations.csv', csvText([['inv', 'contact', 'sent'], ['i1', 'c1', '2024-04-20'], ['i2', 'c2', '2024-07-01 08:00'], ['i3', '', '2024-04-21']]));
    fx.pipeline({ sources: { responses: defaultResponses(), invitations: { path: 'invitations.csv', columns: { invitation_id: 'inv', contact_id: 'contact', invited_at: 'sent' } } } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir, 'invitations')).toEqual([
      [3, 'future_date', 'invited_at', '2024-07-01 08:00'],
      [4, 'missing_id', 'contact_id', null],
    ]);
    expect(await reconciliation(result, 'invitations')).toEqual([3, 1, 2]);
  });
});

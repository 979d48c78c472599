/**
 * Synthetic canonical data generated inside DuckDB with range(): deterministic (hash-based, not random()),
 * so two databases filled with the same n hold identical rows. Used by the determinism test and the
 * performance measurement (measure-metrics.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function insertSyntheticData(conn: DuckDBConnection, responses: number, accounts = 2000): Promise<void> {
  await conn.run(
    `INSERT INTO accounts (account_id, name, segment, region, owner)
     SELECT 'A' || i, 'Account ' || i, ['SMB', 'Mid-market', 'Enterprise'][1 + i % 3],
       ['EU', 'NA', 'APAC', 'LATAM'][1 + (i // 3) % 4], 'owner-' || (i % 17)
     FROM range($accounts) t(i)`,
    { accounts },
  );
  await conn.run(
    `INSERT INTO contacts (contact_id, account_id, role)
     SELECT 'C' || i, 'A' || (i % $accounts), ['decision_maker', 'influencer', 'user', 'user', NULL][1 + (hash(i) % 5)::INTEGER]
     FROM range($accounts * 5) t(i)`,
    { accounts },
  );
  await conn.run(
    `INSERT INTO responses (response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint, nps, csat, ces)
     SELECT 'R' || i, 'C' || c, 'A' || (c % $accounts),
       TIMESTAMP '2023-01-01' + to_seconds((hash(i, 1) % (730 * 86400))::BIGINT),
       ['email', 'web', 'sms', 'in-app'][1 + (hash(i, 2) % 4)::INTEGER],
       CASE WHEN hash(i, 3) % 20 = 0 THEN 'employee' ELSE 'relational' END,
       ['onboarding', 'adoption', 'renewal'][1 + (hash(i, 4) % 3)::INTEGER],
       ['support', 'invoice', 'product', 'training', 'sales'][1 + (hash(i, 5) % 5)::INTEGER],
       CASE WHEN hash(i, 6) % 10 = 0 THEN NULL ELSE least(10, (hash(i, 7) % 8)::INTEGER + (c % 4)) END,
       CASE WHEN hash(i, 8) % 3 = 0 THEN 1 + (hash(i, 9) % 5)::INTEGER END,
       CASE WHEN hash(i, 10) % 4 = 0 THEN 1 + (hash(i, 11) % 7)::INTEGER END
     FROM (SELECT i, (hash(i) % ($accounts * 5))::BIGINT AS c FROM range($responses) t(i))`,
    { accounts, responses },
  );
  await conn.run(
    `INSERT INTO invitations (invitation_id, contact_id, account_id, invited_at)
     SELECT 'I' || i, 'C' || (hash(i, 12) % ($accounts * 5)), NULL,
       TIMESTAMP '2023-01-01' + to_seconds((hash(i, 13) % (730 * 86400))::BIGINT)
     FROM range($invitations) t(i)`,
    { accounts, invitations: Math.round(responses * 1.5) },
  );
}

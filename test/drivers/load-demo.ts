/**
 * Loads a demo company's CSV exports (src/demo) straight into the canonical tables, and builds
 * theme_mentions from truth-mentions.csv, so driver tests do not depend on the classifier.
 * Paths are bound as parameters; the column mapping mirrors pipelines/demo.yaml.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../../src/db/sql-file.ts';

export async function loadDemo(conn: DuckDBConnection, dir: string): Promise<void> {
  await runSqlFile(conn, 'ingest/create-canonical-tables');
  const csv = (name: string): string => join(dir, name);
  await conn.run(
    `INSERT INTO accounts (account_id, name, segment, region, owner, tier) SELECT "Account ID", "Account Name", "Segment", "Region", "Owner", "Tier"
     FROM read_csv($f, header = true, all_varchar = true)`, { f: csv('accounts.csv') });
  await conn.run(
    `INSERT INTO contacts (contact_id, account_id, role) SELECT "Contact ID", "Account ID", "Role" FROM read_csv($f, header = true, all_varchar = true)`,
    { f: csv('contacts.csv') });
  await conn.run(
    `CREATE TEMP TABLE demo_raw AS
     SELECT * FROM read_csv($f, header = true, all_varchar = true, union_by_name = true, filename = false)`,
    { f: csv('responses-*.csv') });
  // the demo's dirty rows (bad NPS, dates, ids, unknown accounts, duplicates) are dropped here
  await conn.run(
    `INSERT INTO responses (response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint,
                           nps, csat, ces, verbatim, language, duration_seconds, verbatim_truncated, ratings)
     SELECT "Response ID", "Contact ID", "Account ID", try_strptime("Submitted", '%d/%m/%Y %H:%M'), "Channel", "Survey Type",
            "Journey Stage", "Touchpoint", try_cast("NPS" AS INTEGER), try_cast("CSAT" AS INTEGER), try_cast("CES" AS INTEGER),
            "Comment", "Language", try_cast("Duration (s)" AS DOUBLE), false,
            [try_cast("Rating - Ease of use" AS DOUBLE), try_cast("Rating - Support" AS DOUBLE), try_cast("Rating - Value for money" AS DOUBLE),
             try_cast("Rating - Reliability" AS DOUBLE), try_cast("Rating - Onboarding" AS DOUBLE)]
     FROM demo_raw
     WHERE "Response ID" IS NOT NULL AND try_strptime("Submitted", '%d/%m/%Y %H:%M') IS NOT NULL
       AND try_cast("NPS" AS INTEGER) BETWEEN 0 AND 10
       AND "Account ID" IN (SELECT account_id FROM accounts)
     QUALIFY row_number() OVER (PARTITION BY "Response ID" ORDER BY "Submitted") = 1`);
  await conn.run("INSERT INTO rating_attributes VALUES (1, 'ease'), (2, 'support'), (3, 'value'), (4, 'reliability'), (5, 'onboarding')");
  await conn.run('DROP TABLE demo_raw');
  await conn.run(
    `INSERT INTO revenue (account_id, period, arr, currency) SELECT "Account ID", CAST("Period" AS DATE), CAST("ARR" AS DOUBLE), "Currency"
     FROM read_csv($f, header = true, all_varchar = true)`, { f: csv('revenue.csv') });
  await conn.run(
    `INSERT INTO churn_events (account_id, event_date, outcome, reason) SELECT "Account ID", CAST("Renewal Date" AS DATE), "Outcome", "Reason"
     FROM read_csv($f, header = true, all_varchar = true)`, { f: csv('churn.csv') });
  await conn.run(
    `CREATE OR REPLACE TABLE theme_mentions AS
     SELECT t.response_id, t.theme_id, NULL::VARCHAR AS clause_text, NULL::INTEGER AS clause_start, NULL::INTEGER AS clause_end,
            1.0::DOUBLE AS match_score, 'truth' AS match_source, NULL::VARCHAR AS match_evidence, t.sentiment AS sentiment_label,
            CASE t.sentiment WHEN 'negative' THEN -1.0 WHEN 'positive' THEN 1.0 ELSE 0.0 END AS polarity,
            'truth' AS engine, 'truth-mentions.csv' AS model
     FROM read_csv($f, header = true, all_varchar = true) t
     JOIN responses r ON r.response_id = t.response_id`, { f: csv('truth-mentions.csv') });
}

-- CRM accounts: required id; the same account in several exports keeps its last record (file order);
-- earlier copies are quarantined as duplicate_id (identical) or conflicting_record (naming the differing field).
CREATE OR REPLACE TEMP TABLE chk_accounts AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.name) AS name,
         ecoute_text(s.segment) AS segment,
         ecoute_text(s.region) AS region,
         ecoute_text(s.owner) AS owner,
         ecoute_text(s.tier) AS tier
  FROM stg_accounts s
),
-- only ids present more than once need the window (a window over every row sorted them all)
repeated AS (
  SELECT account_id FROM base WHERE account_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1
),
ranked AS (
  SELECT _rid,
         row_number() OVER w AS recency_rank,
         first_value(name) OVER w AS k_name, first_value(segment) OVER w AS k_segment,
         first_value(region) OVER w AS k_region, first_value(owner) OVER w AS k_owner, first_value(tier) OVER w AS k_tier
  FROM base
  WHERE account_id IN (SELECT account_id FROM repeated)
  WINDOW w AS (PARTITION BY account_id ORDER BY _rid DESC)
),
kept AS (
  SELECT b.*, r.* EXCLUDE (_rid) FROM base b LEFT JOIN ranked r ON r._rid = b._rid
)
SELECT k.*,
       list_filter([
         CASE WHEN account_id IS NULL THEN {'code': 'missing_id', 'field': 'account_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(account_id)} END,
         CASE WHEN recency_rank > 1 THEN
           CASE WHEN segment IS DISTINCT FROM k_segment THEN {'code': 'conflicting_record', 'field': 'segment', 'value': segment}
                WHEN region IS DISTINCT FROM k_region THEN {'code': 'conflicting_record', 'field': 'region', 'value': region}
                WHEN owner IS DISTINCT FROM k_owner THEN {'code': 'conflicting_record', 'field': 'owner', 'value': owner}
                WHEN tier IS DISTINCT FROM k_tier THEN {'code': 'conflicting_record', 'field': 'tier', 'value': tier}
                WHEN name IS DISTINCT FROM k_name THEN {'code': 'conflicting_record', 'field': 'name', 'value': name}
                ELSE {'code': 'duplicate_id', 'field': 'account_id', 'value': account_id} END
         END
       ], x -> x IS NOT NULL) AS _problems
FROM kept k;

-- Staging and check tables are scratch space: dropped once the canonical tables are filled.
DROP VIEW IF EXISTS chk_current;
DROP VIEW IF EXISTS stg_current;
DROP TABLE IF EXISTS stg_responses;
DROP TABLE IF EXISTS stg_accounts;
DROP TABLE IF EXISTS stg_contacts;
DROP TABLE IF EXISTS stg_revenue;
DROP TABLE IF EXISTS stg_churn;
DROP TABLE IF EXISTS stg_invitations;
DROP TABLE IF EXISTS chk_responses;
DROP TABLE IF EXISTS chk_accounts;
DROP TABLE IF EXISTS chk_contacts;
DROP TABLE IF EXISTS chk_revenue;
DROP TABLE IF EXISTS chk_churn;
DROP TABLE IF EXISTS chk_invitations;
DROP TABLE IF EXISTS stg_reject_offsets;
DROP TABLE IF EXISTS stg_rejects;
DROP TABLE IF EXISTS stg_files;

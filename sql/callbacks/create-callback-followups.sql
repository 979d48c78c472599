-- The follow-ups the call-back items are closed by (the canonical table; create-callback-followups-empty.sql
-- stands in for a database written before the followups source existed).
CREATE OR REPLACE TEMP VIEW callback_followups AS
SELECT response_id, account_id, called_at, outcome, notes, called_by FROM followups;

-- No followups table (a database written before the source existed): no call-back is ever closed.
CREATE OR REPLACE TEMP TABLE callback_followups (response_id VARCHAR, account_id VARCHAR, called_at TIMESTAMP, outcome VARCHAR, notes VARCHAR, called_by VARCHAR);

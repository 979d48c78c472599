-- callback_risk: each account's ARR at risk from the driver phase's churn model.
CREATE OR REPLACE TEMP VIEW callback_risk AS
SELECT account_id, churn_probability, arr_at_risk FROM account_churn_risk;

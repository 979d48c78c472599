-- callback_risk when the run has no churn model: no rows, so ARR at risk falls back to ARR.
CREATE OR REPLACE TEMP VIEW callback_risk AS
SELECT NULL::VARCHAR AS account_id, NULL::DOUBLE AS churn_probability, NULL::DOUBLE AS arr_at_risk WHERE false;

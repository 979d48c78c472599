-- No invitations to compute response rates from: an empty counts table with the usual columns.
CREATE OR REPLACE TEMP TABLE response_rate_counts (
  grain VARCHAR, period DATE, dimension VARCHAR, dimension_value VARCHAR, invitations BIGINT, responses BIGINT
);

-- Every account owner of the CRM, in name order.
SELECT DISTINCT owner FROM accounts WHERE owner IS NOT NULL ORDER BY owner;

-- The reporting currency when none is configured: the most common one in the revenue export (ties: alphabetical).
SELECT coalesce(upper(nullif(trim(currency), '')), $default_currency) AS currency, count(*) AS n
FROM stg_revenue GROUP BY 1 ORDER BY n DESC, currency LIMIT 1;

-- The reporting currency when none is configured: the most common one in the revenue export (ties: alphabetical);
-- cells that are no three-letter code are not candidates (they are quarantined as invalid_value).
SELECT coalesce(upper(nullif(trim(currency), '')), $default_currency) AS currency, count(*) AS n
FROM stg_revenue GROUP BY 1 HAVING regexp_full_match(coalesce(upper(nullif(trim(currency), '')), $default_currency), '[A-Z]{3}')
ORDER BY n DESC, currency LIMIT 1;

-- Accepted responses per quality flag (a response may carry both), for the run summary.
SELECT flag, count(*)::INTEGER AS n
FROM (SELECT unnest(quality_flags) AS flag FROM responses)
GROUP BY flag ORDER BY flag;

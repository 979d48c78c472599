-- The testimonials a page would show: consented promoter verbatims (consent = true, NPS >= $min_nps) up to the
-- run date, in $lang when given (the classifier's language, else the survey's), the most recent first,
-- $limit of them. With the run's verbatim sentiment (negative = a negative testimonial). No account
-- name, contact or owner leaves this query; the verbatim is redacted by the caller.
SELECT r.response_id, strftime(r.submitted_at, '%Y-%m-%d') AS date, coalesce(a.segment, '(unknown)') AS segment, r.nps,
       coalesce(v.language, r.language) AS language, r.verbatim, v.sentiment_label
FROM responses r
LEFT JOIN accounts a ON a.account_id = r.account_id
LEFT JOIN verbatim_sentiment v ON v.response_id = r.response_id
WHERE r.consent IS TRUE AND r.nps >= $min_nps AND r.verbatim IS NOT NULL
  AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
  AND ($lang = '' OR coalesce(v.language, r.language) = $lang)
ORDER BY r.submitted_at DESC, r.response_id
LIMIT $limit;

-- How fresh the run's data is: latest response, revenue period and churn event on or before $as_of,
-- and the counts behind the figures.
SELECT
  strftime(max(r.submitted_at) FILTER (WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY), '%Y-%m-%d') AS latest_response,
  strftime(min(r.submitted_at), '%Y-%m-%d') AS first_response,
  count(*) FILTER (WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY)::INTEGER AS responses,
  count(r.verbatim) FILTER (WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY)::INTEGER AS verbatims,
  (SELECT strftime(max(period), '%Y-%m-%d') FROM revenue WHERE period <= $as_of::DATE) AS latest_revenue_period,
  (SELECT strftime(max(event_date), '%Y-%m-%d') FROM churn_events WHERE event_date <= $as_of::DATE) AS latest_churn_event,
  (SELECT count(*)::INTEGER FROM accounts) AS accounts,
  (SELECT coalesce(sum(rows_quarantined), 0)::INTEGER FROM reconciliation) AS quarantined
FROM responses r;

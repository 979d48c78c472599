-- First and last survey dates up to the run date, and the decisions on record: the churn
-- analysis uses decisions whose feedback window starts on or after the first survey.
SELECT
  (SELECT min(submitted_at)::DATE::VARCHAR FROM responses WHERE submitted_at < $as_of::DATE + INTERVAL 1 DAY) AS first_response,
  (SELECT count(*)::INTEGER FROM churn_events WHERE event_date <= $as_of::DATE AND account_id IS NOT NULL) AS events,
  (SELECT count(*)::INTEGER FROM churn_events
    WHERE event_date <= $as_of::DATE AND account_id IS NOT NULL
      AND event_date >= (SELECT min(submitted_at)::DATE FROM responses) + to_days($window_days::INTEGER)) AS covered_events;

-- What the first follow-ups of the tracked items found: items per outcome (reached, voicemail, no_answer, declined).
SELECT call_outcome AS outcome, count(*) AS n
FROM callback_items
WHERE submitted_at >= $loop_start::DATE AND call_outcome IS NOT NULL
GROUP BY call_outcome
ORDER BY call_outcome;

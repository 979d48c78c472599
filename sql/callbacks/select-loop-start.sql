-- The default start of the closed-loop tracking: the day of the earliest follow-up (NULL without any).
SELECT strftime(min(called_at)::DATE, '%Y-%m-%d') AS loop_start FROM callback_followups;

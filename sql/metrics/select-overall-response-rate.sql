-- The overall response rate over all periods, for the run summary.
SELECT invitations, responses, rate, moe, target, below_target
FROM response_rates
WHERE grain = 'all' AND dimension = 'overall';

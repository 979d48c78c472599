-- Synthetic survey responses for the ingest benchmark (with ~0.5 % dirty rows to quarantine).
COPY (
  SELECT CASE WHEN i % 997 = 5 THEN 'R' || (i - 1) ELSE 'R' || i END AS response_id,
         'C' || (hash(i) % ($accounts * 3)) AS contact_id,
         CASE WHEN i % 1009 = 7 THEN 'UNKNOWN' ELSE 'A' || lpad((hash(i * 3) % $accounts)::VARCHAR, 7, '0') END AS account_id,
         strftime(TIMESTAMP '2024-11-01' + to_seconds((hash(i * 5) % 63072000)::BIGINT), '%Y-%m-%d %H:%M:%S') AS submitted_at,
         ['email', 'web', 'in-app', 'sms'][1 + (hash(i * 11) % 4)::INTEGER] AS channel,
         ['relational', 'transactional'][1 + (hash(i * 19) % 2)::INTEGER] AS survey_type,
         ['onboarding', 'adoption', 'support', 'billing', 'renewal'][1 + (hash(i * 23) % 5)::INTEGER] AS journey_stage,
         CASE WHEN i % 1013 = 3 THEN '11' ELSE ((hash(i * 29) % 11))::VARCHAR END AS nps,
         CASE WHEN i % 3 = 0 THEN (1 + hash(i * 31) % 5)::VARCHAR END AS csat,
         CASE WHEN i % 10 < 7 THEN
           ['Le support met des jours à répondre, mais le produit est solide.', 'Great product, onboarding was smooth and the team is responsive.',
            'We were double-billed again this quarter; please fix invoicing.', 'Interface claire et rapide, je recommande.',
            'Integrations with our CRM keep breaking after each update.'][1 + (hash(i * 37) % 5)::INTEGER] END AS comment,
         ['fr', 'en'][1 + (hash(i * 41) % 2)::INTEGER] AS language,
         (20 + hash(i * 43) % 600)::VARCHAR AS duration,
         (1 + hash(i * 47) % 5)::VARCHAR AS rating_ease,
         (1 + hash(i * 53) % 5)::VARCHAR AS rating_support,
         (1 + hash(i * 59) % 5)::VARCHAR AS rating_value
  FROM range($n) t(i)
) TO $path (FORMAT csv, HEADER true);

-- Synthetic CRM accounts for the ingest benchmark.
COPY (
  SELECT 'A' || lpad(i::VARCHAR, 7, '0') AS account_id,
         'Company ' || i AS name,
         ['Enterprise', 'Mid-Market', 'SMB'][1 + (hash(i) % 3)::INTEGER] AS segment,
         ['France', 'DACH', 'Benelux', 'UK & Ireland', 'North America'][1 + (hash(i * 7) % 5)::INTEGER] AS region,
         'Owner ' || (hash(i * 13) % 60) AS owner,
         ['Gold', 'Silver', 'Bronze'][1 + (hash(i * 17) % 3)::INTEGER] AS tier
  FROM range($n) t(i)
) TO $path (FORMAT csv, HEADER true);

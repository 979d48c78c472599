-- Keys used by the objects of a JSON lines file (first 10,000 valid lines), in first-seen order.
SELECT key FROM (
  SELECT key, min(n) AS first_line
  FROM (
    SELECT n, unnest(json_keys(j)) AS key
    FROM (SELECT n, j FROM ecoute_json_lines WHERE json_valid(j) AND json_type(j) = 'OBJECT' ORDER BY n LIMIT 10000)
  )
  GROUP BY key
) ORDER BY first_line, key;

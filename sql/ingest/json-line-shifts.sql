-- Line shifts of a JSON lines file (n is the physical line; blank lines are NULL rows, invalid lines are rejected):
-- staged record k sits on line 1 + k + cum_span with cum_span = n - 1 - k, recorded where it changes.
INSERT INTO stg_line_shifts
SELECT $file_id, k, cum_span
FROM (
  SELECT k, cum_span, lag(cum_span, 1, 0) OVER (ORDER BY k) AS previous
  FROM (SELECT row_number() OVER (ORDER BY n) - 1 AS k, n - row_number() OVER (ORDER BY n) AS cum_span FROM ecoute_json_lines WHERE json_valid(j))
)
WHERE cum_span <> previous
ORDER BY k;

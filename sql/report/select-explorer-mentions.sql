-- Every theme mention of the run's responses (all columns, so the explorer shows what matched a
-- clause whichever classifier wrote the table), in clause order within each response.
SELECT m.*
FROM theme_mentions m
ORDER BY m.response_id, m.clause_start, m.theme_id, m.clause_end;

-- The theme mentions of the verbatims of one page of the served explorer ($ids: response ids joined by chr(31)), in clause order.
SELECT *
FROM explorer_mentions
WHERE list_contains(string_split($ids, chr(31)), response_id)
ORDER BY response_id, clause_start, theme_id, clause_end;

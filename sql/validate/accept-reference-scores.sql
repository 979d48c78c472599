-- Clean reference figures into the canonical table, in file order.
INSERT INTO reference_scores
SELECT brand, period, nps, n_num::BIGINT, source, $file_paths[_file_id], _line
FROM chk_reference_scores
WHERE len(_problems) = 0
ORDER BY _rid;

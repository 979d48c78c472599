-- Clean benchmark answers into the canonical table, in file order, and the names of their rating attributes.
INSERT INTO benchmark
SELECT response_id, responded_at, brand, role, nps, segment, verbatim, ratings_num, $file_paths[_file_id], _line
FROM chk_benchmark
WHERE len(_problems) = 0
ORDER BY _rid;

INSERT INTO benchmark_attributes
SELECT i::INTEGER, $attributes[i]
FROM range(1, len($attributes) + 1) t(i);

-- The line shifts of one staged file (see src/ingest/line-shifts.ts).
INSERT INTO stg_line_shifts SELECT $file_id, unnest($accepted_before), unnest($cum_span);

-- 'VIEW' or 'BASE TABLE' for an object of the main schema (no row when there is none).
SELECT table_type AS kind
FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $name;

-- The columns of theme_candidates in the main database (none when the table does not exist).
SELECT column_name FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = 'theme_candidates';

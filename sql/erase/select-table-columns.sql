-- The base tables of the open database with their columns (views are left alone: they read the tables).
SELECT c.table_name, list(c.column_name ORDER BY c.ordinal_position) AS columns
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'main' AND c.table_catalog = current_database()
GROUP BY c.table_name
ORDER BY c.table_name;

-- Files matching a path or glob, in a stable order.
SELECT file FROM glob($pattern) ORDER BY file;

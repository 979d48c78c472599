SELECT column_name FROM (DESCRIBE classify_input);

SELECT count(*) AS n FROM classify_input;

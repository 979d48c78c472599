SELECT count(*) AS n FROM classified_file;

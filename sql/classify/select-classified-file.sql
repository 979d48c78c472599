SELECT * FROM classified_file;

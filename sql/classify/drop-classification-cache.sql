DROP TABLE IF EXISTS classification_cache;

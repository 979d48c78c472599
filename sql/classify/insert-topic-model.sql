INSERT INTO classify_topic_model VALUES ($taxonomy_key, $fingerprint, $trained_on, $trained_run, $meta, $weights);

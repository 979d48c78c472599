SELECT taxonomy_key, fingerprint, trained_on, trained_run, meta, weights FROM classify_topic_model WHERE taxonomy_key = $taxonomy_key ORDER BY trained_run DESC, fingerprint LIMIT 1;

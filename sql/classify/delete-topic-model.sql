DELETE FROM classify_topic_model WHERE taxonomy_key = $taxonomy_key;

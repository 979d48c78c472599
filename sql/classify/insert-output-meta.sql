INSERT INTO classify_output_meta VALUES ($engine, $model, $revision, $taxonomy_version,
  $sentiment_engine, $sentiment_model, $sentiment_revision, $topic_engine, $topic_model);

SELECT count(*) AS n FROM sentiment_features_todo;

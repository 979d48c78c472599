SELECT text_hash, text, language FROM sentiment_features_todo WHERE ord > $after AND ord <= $upto ORDER BY ord;

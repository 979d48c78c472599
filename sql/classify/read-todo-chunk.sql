SELECT text_hash, text FROM classify_todo WHERE ord > $after AND ord <= $upto ORDER BY ord;

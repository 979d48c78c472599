-- One chunk of self_training_texts (see stage-self-training-texts.sql), in text hash order: its columns after ord.
SELECT * EXCLUDE (ord) FROM self_training_texts WHERE ord > $after AND ord <= $upto ORDER BY ord;

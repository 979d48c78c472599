SELECT count(*) AS n FROM self_training_texts;

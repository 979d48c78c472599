-- One chunk of cross_fit_rows (see stage-cross-fit-rows.sql), in response id order.
SELECT response_id, fold_key, text_hash, label, hashes, polarity, positive, negative, hits
FROM cross_fit_rows WHERE ord > $after AND ord <= $upto ORDER BY ord;

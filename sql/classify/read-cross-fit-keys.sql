-- One chunk of the scored rows of cross_fit_rows, only what picks the fold models' training rows (the row's
-- id and fold key; ord to fetch the chosen rows whole), in response id order.
SELECT ord, response_id, fold_key
FROM cross_fit_rows WHERE label IS NOT NULL AND ord > $after AND ord <= $upto ORDER BY ord;

-- One chunk of cross_fit_rows (see stage-cross-fit-rows.sql), in response id order: its columns after ord,
-- which toCrossFitRow reads by position.
SELECT * EXCLUDE (ord) FROM cross_fit_rows WHERE ord > $after AND ord <= $upto ORDER BY ord;

SELECT count(*) AS n FROM cross_fit_rows;

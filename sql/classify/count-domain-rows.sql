-- Rows of verbatim_sentiment that carry a domain model's sentiment (to undo them on a night without one).
SELECT count(*) AS n FROM verbatim_sentiment WHERE model <> $sentiment_model;

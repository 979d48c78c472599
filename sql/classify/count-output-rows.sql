SELECT (SELECT count(*) FROM verbatim_sentiment) AS sentiment_rows, (SELECT count(*) FROM theme_mentions) AS mention_rows;

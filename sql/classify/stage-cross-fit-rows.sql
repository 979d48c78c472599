-- Every response with a verbatim, with what cross-fitting needs: its fold key (account, else the
-- response itself), the label of its own NPS (0-6 negative, 7-8 neutral, 9-10 positive; NULL when
-- unscored) and its text's features. Numbered by response id so JS reads it in chunks (the result
-- does not depend on the order; the appended rows do). The columns after ord are what JS reads of a row, by
-- position (toCrossFitRow in cross-fit-phase.ts).
CREATE OR REPLACE TEMP TABLE cross_fit_rows AS
SELECT row_number() OVER (ORDER BY h.response_id) AS ord,
       h.response_id,
       coalesce(r.account_id, h.response_id) AS fold_key,
       h.text_hash,
       CASE WHEN r.nps BETWEEN 0 AND 6 THEN 'negative' WHEN r.nps BETWEEN 7 AND 8 THEN 'neutral' WHEN r.nps BETWEEN 9 AND 10 THEN 'positive' END AS label,
       f.hashes, f.polarity, f.positive, f.negative, f.hits
FROM response_text_hashes h
JOIN responses r USING (response_id)
JOIN sentiment_features f ON f.text_hash = h.text_hash AND f.lexicon_version = $lexicon_version;

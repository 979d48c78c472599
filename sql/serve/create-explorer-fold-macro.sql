-- explorer_fold(s): the explorer's search folding (src/report/explorer/fold-search-text.ts): the characters of
-- SEARCH_APOSTROPHES (curly and modifier apostrophes, the acute accent) become "'", accents are stripped,
-- case is lowered.
CREATE OR REPLACE TEMP MACRO explorer_fold(s) AS
  lower(strip_accents(regexp_replace(s, '[\x{2019}\x{02BC}\x{2018}\x{00B4}]', '''', 'g')));

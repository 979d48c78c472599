-- explorer_mentions: the run's theme mentions, for the served explorer (a run with theme_mentions).
CREATE OR REPLACE TEMP VIEW explorer_mentions AS SELECT * FROM theme_mentions;

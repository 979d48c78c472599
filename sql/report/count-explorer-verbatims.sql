-- How many verbatims the explorer holds as of $as_of (create-explorer-verbatims-macro.sql): embedded in the
-- dashboard up to settings.dashboard.embed_max_verbatims, served by `ecoute serve` beyond.
SELECT count(*) AS n FROM explorer_verbatims($as_of);

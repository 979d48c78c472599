-- The theme mentions the owner pages label verbatims with.
CREATE OR REPLACE TEMP VIEW owner_theme_mentions AS SELECT response_id, theme_id FROM theme_mentions;

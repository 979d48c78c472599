-- A run without theme mentions: owner pages show verbatims without themes.
CREATE OR REPLACE TEMP VIEW owner_theme_mentions AS SELECT NULL::VARCHAR AS response_id, NULL::VARCHAR AS theme_id WHERE false;

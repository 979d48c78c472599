/**
 * The explorer's search folding: case and accents folded one character for one character, curly apostrophes as
 * "'". `ecoute serve` folds the search words with foldSearchText; the embedded explorer (explorer-app.ts `fold`,
 * browser code) starts its cache from SEARCH_APOSTROPHES; explorer_fold in sql/serve/create-explorer-fold-macro.sql
 * folds the texts in DuckDB with the same apostrophes. Pure.
 *
 * **Example:** `foldSearchText('Déçue’S') === "decue's"`
 */
/** The characters the search reads as an apostrophe (non-ASCII only: fold leaves ASCII but A-Z as it is). */
export const SEARCH_APOSTROPHES: Readonly<Record<string, string>> = { '\u2019': "'", '\u02bc': "'", '\u2018': "'", '\u00b4': "'" };

function foldChar(c: string): string {
  const apostrophe = SEARCH_APOSTROPHES[c];
  if (apostrophe !== undefined) return apostrophe;
  const f = c.normalize('NFD').charAt(0).toLowerCase();
  return f.length === 1 ? f : c;
}

export function foldSearchText(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase()).replace(/[^\x00-\x7f]/g, foldChar);
}

/** SEARCH_APOSTROPHES as a JavaScript object literal of ASCII text (\u escapes), for the browser code. */
export const SEARCH_APOSTROPHES_JS = JSON.stringify(SEARCH_APOSTROPHES).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

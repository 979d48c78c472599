/**
 * The explorer's search folding on the server (the twin of `fold` in src/report/explorer/explorer-app.ts and of
 * explorer_fold in sql/serve/create-explorer-selection-macro.sql): case and accents folded one character for one
 * character, curly apostrophes as "'". Pure.
 *
 * **Example:** `foldSearchText('Déçue’S') === "decue's"`
 */
const APOSTROPHES: Readonly<Record<string, string>> = { '\u2019': "'", '\u02bc': "'", '\u2018': "'", '\u0060': "'", '\u00b4': "'" };

function foldChar(c: string): string {
  const apostrophe = APOSTROPHES[c];
  if (apostrophe !== undefined) return apostrophe;
  const f = c.normalize('NFD').charAt(0).toLowerCase();
  return f.length === 1 ? f : c;
}

export function foldSearchText(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase()).replace(/[^\x00-\x7f]/g, foldChar);
}
